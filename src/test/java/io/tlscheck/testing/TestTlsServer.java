package io.tlscheck.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

import io.tlscheck.engine.TlsRuntime;

/**
 * A real TLS server on 127.0.0.1 for tests, on the JDK's JSSE. It serves exactly the chain it
 * is given, in the given order (so tests can serve broken, reordered or padded chains), and can
 * be restricted in protocols and suites or demand a client certificate. Each connection is
 * handled on a virtual thread and answered with a short HTTP response.
 */
public final class TestTlsServer implements AutoCloseable {
    private final SSLServerSocket server;
    private final ExecutorService connections = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicInteger handshakes = new AtomicInteger();
    private final Thread acceptor;

    private TestTlsServer(Builder builder) throws Exception {
        TlsRuntime.configure();
        SSLContext context = SSLContext.getInstance("TLS");
        KeyManager keyManager = new FixedChainKeyManager(builder.chain, builder.key);
        TrustManager[] trust = null;
        if (builder.clientCa != null) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("client-ca", builder.clientCa);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            trust = factory.getTrustManagers();
        }
        context.init(new KeyManager[] {keyManager}, trust, new SecureRandom());
        server = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(builder.port, 50, InetAddress.getByName(builder.address));
        if (!builder.protocols.isEmpty()) {
            server.setEnabledProtocols(builder.protocols.toArray(String[]::new));
        }
        if (!builder.cipherSuites.isEmpty()) {
            server.setEnabledCipherSuites(builder.cipherSuites.toArray(String[]::new));
        }
        server.setNeedClientAuth(builder.clientCa != null);
        if (!builder.alpn.isEmpty() || !builder.namedGroups.isEmpty()) {
            javax.net.ssl.SSLParameters params = server.getSSLParameters();
            if (!builder.alpn.isEmpty()) {
                params.setApplicationProtocols(builder.alpn.toArray(String[]::new));
            }
            if (!builder.namedGroups.isEmpty()) {
                params.setNamedGroups(builder.namedGroups.toArray(String[]::new));
            }
            server.setSSLParameters(params);
        }
        acceptor = Thread.ofPlatform().daemon().name("test-tls-server").start(this::acceptLoop);
    }

    public static Builder serving(Issued leaf, X509Certificate... rest) {
        return new Builder(leaf, rest);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The loopback address it listens on (127.0.0.1 unless bound elsewhere in 127.0.0.0/8). */
    public String host() {
        return server.getInetAddress().getHostAddress();
    }

    /** Handshakes completed so far. */
    public int handshakes() {
        return handshakes.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.submit(() -> serve((SSLSocket) socket));
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    private void serve(SSLSocket socket) {
        try (socket) {
            socket.setSoTimeout(5_000);
            socket.startHandshake();
            handshakes.incrementAndGet();
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            byte[] buffer = new byte[1024];
            if (in.read(buffer) > 0) {
                out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        } catch (SocketException e) {
            // Clients close early all the time: the probe only wants the handshake.
        } catch (IOException e) {
            // Handshake failures are what many tests provoke on purpose.
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        connections.shutdownNow();
        try {
            acceptor.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static final class Builder {
        private final List<X509Certificate> chain = new ArrayList<>();
        private final PrivateKey key;
        private List<String> protocols = List.of();
        private List<String> cipherSuites = List.of();
        private X509Certificate clientCa;
        private List<String> alpn = List.of();
        private List<String> namedGroups = List.of();
        private String address = "127.0.0.1";
        private int port;

        private Builder(Issued leaf, X509Certificate... rest) {
            chain.add(leaf.certificate());
            chain.addAll(List.of(rest));
            key = leaf.keyPair().getPrivate();
        }

        /** Serve this exact chain (leaf first is not enforced: order is the test's choice). */
        public Builder chain(X509Certificate... certificates) {
            chain.clear();
            chain.addAll(List.of(certificates));
            return this;
        }

        public Builder protocols(String... values) {
            protocols = List.of(values);
            return this;
        }

        public Builder cipherSuites(String... values) {
            cipherSuites = List.of(values);
            return this;
        }

        /**
         * Listen on another loopback address and a fixed port, so several servers can stand for
         * the endpoints of one Service (same port, different addresses).
         */
        public Builder bindTo(String loopbackAddress, int fixedPort) {
            if (!loopbackAddress.startsWith("127.")) {
                throw new IllegalArgumentException("test servers listen on 127.0.0.0/8 only");
            }
            address = loopbackAddress;
            port = fixedPort;
            return this;
        }

        /** Application protocols the server accepts, in its order of preference. */
        public Builder alpn(String... values) {
            alpn = List.of(values);
            return this;
        }

        /**
         * Key exchange groups the server accepts (JSSE names: x25519, secp256r1, x448,
         * ffdhe2048, ...). A client whose key shares miss them gets a HelloRetryRequest.
         */
        public Builder namedGroups(String... values) {
            namedGroups = List.of(values);
            return this;
        }

        /** Demand a client certificate issued by {@code ca}. */
        public Builder requireClientCertificate(X509Certificate ca) {
            clientCa = ca;
            return this;
        }

        public TestTlsServer start() {
            try {
                return new TestTlsServer(this);
            } catch (Exception e) {
                throw new IllegalStateException("cannot start test TLS server", e);
            }
        }
    }

    public static InetSocketAddress loopback(int port) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }
}
