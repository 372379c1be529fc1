package io.tlscheck.engine;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

import io.tlscheck.engine.starttls.StartTlsNegotiator;

/**
 * Probes one endpoint with one connection: DNS, TCP, optional STARTTLS, the TLS handshake, and
 * (for TLS 1.3 with client authentication) confirmation that the server kept the session. It
 * captures what was served whether or not it is valid, and never throws for an expected
 * failure: the failure is part of the {@link Observation}. The whole probe is bounded by
 * {@link ProbeOptions#timeout()}. Thread-safe; blocking, so callers run it on virtual threads.
 */
public final class Prober {
    /**
     * In TLS 1.3 the server judges the client certificate after the client has finished, so a
     * rejection arrives as an alert after the handshake "succeeded". It comes about one round
     * trip later; waiting as long as the handshake took (at least this floor) catches it
     * without stalling checks of servers that stay silent.
     */
    private static final Duration CONFIRM_FLOOR = Duration.ofMillis(200);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final AddressPolicy policy;

    public Prober() {
        this(Clock.systemUTC(), AddressPolicy.ALLOW_ALL);
    }

    public Prober(Clock clock, AddressPolicy policy) {
        TlsRuntime.configure();
        this.clock = clock;
        this.policy = policy;
    }

    public Observation probe(Endpoint endpoint, ProbeOptions options) {
        Instant startedAt = clock.instant();
        Attempt attempt = new Attempt(endpoint, options);
        try {
            attempt.run();
        } catch (Exception | StackOverflowError e) {
            attempt.fail(e);
        } finally {
            attempt.closeQuietly();
        }
        return attempt.toObservation(startedAt);
    }

    /** The state of one probe; not shared between threads. */
    private final class Attempt {
        private final Endpoint endpoint;
        private final ProbeOptions options;
        private final Deadline deadline;
        private final long started = System.nanoTime();
        private ProbePhase phase = ProbePhase.DNS;
        private long dnsNanos;
        private long connectNanos;
        private long startTlsNanos;
        private long handshakeNanos;
        private InetAddress address;
        private Socket plain;
        private SSLSocket tls;
        private ClientKeyManager keyManager;
        private List<X509Certificate> chain = List.of();
        private String protocol;
        private String cipherSuite;
        private String alpn;
        private List<byte[]> stapled = List.of();
        private ProbeFailure failure;

        Attempt(Endpoint endpoint, ProbeOptions options) {
            this.endpoint = endpoint;
            this.options = options;
            this.deadline = Deadline.after(options.timeout());
        }

        void run() throws IOException, GeneralSecurityException, InterruptedException {
            long t = System.nanoTime();
            address = resolve();
            dnsNanos = System.nanoTime() - t;
            Optional<String> denied = policy.deny(endpoint.host(), address);
            if (denied.isPresent()) {
                failure = new ProbeFailure(FailureKind.TARGET_NOT_ALLOWED, denied.get());
                return;
            }

            phase = ProbePhase.CONNECT;
            t = System.nanoTime();
            plain = new Socket();
            try (Watchdog.Armed ignored = Watchdog.arm(plain, deadline.remaining())) {
                plain.setTcpNoDelay(true);
                plain.connect(new InetSocketAddress(address, endpoint.port()), deadline.socketTimeoutMillis());
                connectNanos = System.nanoTime() - t;
                exchange();
            }
        }

        /** Everything after TCP connect, under the watchdog that bounds the whole probe. */
        private void exchange() throws IOException, GeneralSecurityException {
            if (options.startTls() != null) {
                phase = ProbePhase.STARTTLS;
                long t = System.nanoTime();
                plain.setSoTimeout(deadline.socketTimeoutMillis());
                StartTlsNegotiator.forProtocol(options.startTls())
                        .negotiate(plain.getInputStream(), plain.getOutputStream());
                startTlsNanos = System.nanoTime() - t;
            }

            phase = ProbePhase.HANDSHAKE;
            long t = System.nanoTime();
            keyManager = new ClientKeyManager(options.clientCredentials());
            SSLContext context = SSLContext.getInstance("TLS");
            // A fresh context per probe: no session is ever resumed, so every check sees a full
            // handshake and the certificate the server serves now.
            context.init(new KeyManager[] {keyManager}, new TrustManager[] {AcceptingTrustManager.INSTANCE}, RANDOM);
            String peerHost = endpoint.sendsSni() ? endpoint.serverName() : address.getHostAddress();
            tls = (SSLSocket) context.getSocketFactory().createSocket(plain, peerHost, endpoint.port(), true);
            tls.setSSLParameters(parameters(tls.getSSLParameters()));
            tls.setSoTimeout(deadline.socketTimeoutMillis());
            tls.startHandshake();
            handshakeNanos = System.nanoTime() - t;
            capture(tls.getSession());

            if ("TLSv1.3".equals(protocol) && keyManager.certificateRequested()) {
                phase = ProbePhase.CONFIRM;
                confirmAccepted();
            }
        }

        private SSLParameters parameters(SSLParameters params) {
            params.setProtocols(options.effectiveProtocols().toArray(String[]::new));
            List<String> suites = options.cipherSuites().isEmpty() ? CipherSuites.forProbe() : options.cipherSuites();
            params.setCipherSuites(suites.toArray(String[]::new));
            params.setServerNames(endpoint.sendsSni() ? List.of(new SNIHostName(endpoint.serverName())) : List.of());
            if (!options.alpn().isEmpty()) {
                params.setApplicationProtocols(options.alpn().toArray(String[]::new));
            }
            // Hostname verification is the rules' job; JSSE must not abort the handshake for it.
            params.setEndpointIdentificationAlgorithm(null);
            return params;
        }

        private void capture(SSLSession session) {
            protocol = session.getProtocol();
            cipherSuite = session.getCipherSuite();
            String negotiated = tls.getApplicationProtocol();
            alpn = negotiated == null || negotiated.isEmpty() ? null : negotiated;
            try {
                List<X509Certificate> served = new ArrayList<>();
                for (Certificate cert : session.getPeerCertificates()) {
                    if (cert instanceof X509Certificate x509) {
                        served.add(x509);
                    }
                }
                chain = served;
            } catch (SSLPeerUnverifiedException e) {
                chain = List.of();
            }
            if (session instanceof ExtendedSSLSession extended) {
                stapled = List.copyOf(extended.getStatusResponses());
            }
        }

        /**
         * Reads briefly after a TLS 1.3 handshake in which the server asked for a certificate:
         * silence or data means the session stands; an alert means the server rejected us.
         */
        private void confirmAccepted() throws IOException {
            Duration wait = deadline.remainingAtMost(max(Duration.ofNanos(handshakeNanos), CONFIRM_FLOOR));
            tls.setSoTimeout((int) Math.max(1, wait.toMillis()));
            try {
                InputStream in = tls.getInputStream();
                if (in.read() < 0 && options.clientCredentials() == null) {
                    throw new SSLException("alert: certificate_required (the server closed the session)");
                }
            } catch (SocketTimeoutException silence) {
                // The server kept the session open: accepted.
            }
        }

        private InetAddress resolve() throws IOException, InterruptedException {
            InetAddress literal = IpLiterals.parse(endpoint.host());
            if (literal != null) {
                return literal;
            }
            // InetAddress has no timeout of its own; a virtual thread lets the probe give up on
            // a hung resolver while the lookup finishes in the background.
            CompletableFuture<InetAddress> lookup = new CompletableFuture<>();
            Thread.ofVirtual().name("tlscheck-dns").start(() -> {
                try {
                    lookup.complete(InetAddress.getByName(endpoint.host()));
                } catch (Exception e) {
                    lookup.completeExceptionally(e);
                }
            });
            try {
                return lookup.get(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                throw new SocketTimeoutException("DNS lookup timed out");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw new IOException(e.getCause());
            }
        }

        void fail(Throwable error) {
            if (error instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (error instanceof GeneralSecurityException || error instanceof IllegalArgumentException) {
                failure = new ProbeFailure(FailureKind.CLIENT_CONFIGURATION,
                        "cannot set up the TLS client: " + error.getMessage());
                return;
            }
            failure = FailureClassifier.classify(error, phase, endpoint, options.timeout(), deadline.expired());
            if (tls != null && chain.isEmpty()) {
                captureChainFromFailedHandshake();
            }
        }

        /** After a rejected client certificate the server's chain is still worth reporting. */
        private void captureChainFromFailedHandshake() {
            try {
                SSLSession session = tls.getHandshakeSession() != null ? tls.getHandshakeSession() : tls.getSession();
                if (session != null && session.getPeerCertificates().length > 0) {
                    capture(session);
                }
            } catch (Exception e) {
                // Nothing was captured; the failure stands on its own.
            }
        }

        void closeQuietly() {
            try {
                if (tls != null) {
                    tls.close();
                } else if (plain != null) {
                    plain.close();
                }
            } catch (IOException e) {
                // Closing a broken connection can fail; there is nothing left to release.
            }
        }

        Observation toObservation(Instant startedAt) {
            Timings timings = new Timings(Duration.ofNanos(dnsNanos), Duration.ofNanos(connectNanos),
                    Duration.ofNanos(startTlsNanos), Duration.ofNanos(handshakeNanos),
                    Duration.ofNanos(System.nanoTime() - started));
            String ip = address == null ? null : address.getHostAddress();
            boolean requested = keyManager != null && keyManager.certificateRequested();
            return new Observation(endpoint, startedAt, ip, chain, protocol, cipherSuite, alpn, stapled, requested,
                    timings, failure);
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
