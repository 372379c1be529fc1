package io.tlscheck.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * What an OCSP responder and a CRL server for tests share: a JDK HTTP server on 127.0.0.1 and
 * a free port, the CA's list of revoked serials, the key that signs answers (the CA's, or
 * another to test a bad signature), and misbehaviours a real network shows (errors, silence,
 * garbage, oversized bodies, redirect loops). Answers are made fresh for every request.
 */
public abstract class RevocationServer implements AutoCloseable {
    /** How the server answers the next requests. */
    public enum Behaviour {
        /** A signed answer. */
        ANSWER,
        /** HTTP 500. */
        HTTP_ERROR,
        /** Accepts the request and never answers (until the server is closed). */
        HANG,
        /** 200 with bytes that are neither OCSP nor a CRL. */
        GARBAGE,
        /** 200 with a 21 MiB body, more than any client should read. */
        OVERSIZED,
        /** 302 to the same URL, forever. */
        REDIRECT_LOOP,
        /** OCSP: an unsigned "tryLater" response (RFC 6960 §4.2.1); others: HTTP 503. */
        TRY_LATER
    }

    /** One revoked serial. */
    protected record Revocation(int reason, Instant at) {
    }

    private static final int OVERSIZED_BYTES = 21 << 20;

    protected final Issued issuer;
    private final String path;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<BigInteger, Revocation> revoked = new ConcurrentHashMap<>();
    private volatile Issued signer;
    private volatile boolean stale;
    private volatile Behaviour behaviour = Behaviour.ANSWER;

    protected RevocationServer(Issued issuer, String path) {
        this.issuer = issuer;
        this.signer = issuer;
        this.path = path;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new IllegalStateException("cannot bind a test server on loopback", e);
        }
        server.setExecutor(threads);
        server.createContext(path, this::handle);
        server.createContext("/moved" + path, exchange -> {
            requests.incrementAndGet();
            drain(exchange);
            exchange.getResponseHeaders().add("Location", url() + exchange.getRequestURI().getRawPath()
                    .substring(("/moved" + path).length()));
            reply(exchange, 301, null, new byte[0]);
        });
        server.start();
    }

    /** The URL to put into certificates. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** A URL that answers with a permanent redirect to {@link #url()}. */
    public String movedUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/moved" + path;
    }

    /** Marks the certificate revoked an hour ago with an RFC 5280 reason code (see {@code CRLReason}). */
    public RevocationServer revoke(X509Certificate certificate, int reason) {
        revoked.put(certificate.getSerialNumber(), new Revocation(reason, Instant.now().minus(Duration.ofHours(1))));
        return this;
    }

    /** Signs answers with another key (a bad signature, or a delegated OCSP responder). */
    public RevocationServer signedBy(Issued other) {
        this.signer = other;
        return this;
    }

    /** Answers dated last week, whose nextUpdate has passed. */
    public RevocationServer stale() {
        this.stale = true;
        return this;
    }

    public RevocationServer behave(Behaviour value) {
        this.behaviour = value;
        return this;
    }

    /** How many requests reached the server. */
    public int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        threads.close();
    }

    /** The revocation of the serial, or {@code null} when it is good. */
    protected Revocation revocation(BigInteger serial) {
        return revoked.get(serial);
    }

    protected Map<BigInteger, Revocation> revocations() {
        return Map.copyOf(revoked);
    }

    protected Issued signer() {
        return signer;
    }

    protected ContentSigner contentSigner() throws Exception {
        return new JcaContentSignerBuilder(TestCertificates.defaultSignature(signer.keyPair()))
                .build(signer.keyPair().getPrivate());
    }

    protected Instant thisUpdate() {
        return stale ? Instant.now().minus(Duration.ofDays(8)) : Instant.now().minus(Duration.ofMinutes(1));
    }

    protected Instant nextUpdate() {
        return stale ? Instant.now().minus(Duration.ofDays(1)) : Instant.now().plus(Duration.ofDays(1));
    }

    /** The signed answer to one request. */
    protected abstract byte[] answer(HttpExchange exchange, byte[] requestBody) throws Exception;

    protected abstract String contentType();

    /** The answer for {@link Behaviour#TRY_LATER}; servers without such a thing send HTTP 503. */
    protected byte[] tryLater() throws Exception {
        return null;
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try {
            byte[] body = drain(exchange);
            switch (behaviour) {
                case ANSWER -> reply(exchange, 200, contentType(), answer(exchange, body));
                case HTTP_ERROR -> reply(exchange, 500, "text/plain", "internal error".getBytes());
                case HANG -> {
                    closing.await();
                    exchange.close();
                }
                case GARBAGE -> reply(exchange, 200, contentType(), "<html>not what you asked for</html>".getBytes());
                case OVERSIZED -> oversized(exchange);
                case REDIRECT_LOOP -> {
                    exchange.getResponseHeaders().add("Location", exchange.getRequestURI().toString());
                    reply(exchange, 302, null, new byte[0]);
                }
                case TRY_LATER -> {
                    byte[] later = tryLater();
                    reply(exchange, later == null ? 503 : 200, contentType(), later == null ? new byte[0] : later);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
        } catch (IOException e) {
            exchange.close(); // the client went away: nothing to tell it
        } catch (Exception e) {
            reply(exchange, 500, "text/plain", String.valueOf(e).getBytes());
        }
    }

    private static byte[] drain(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    private static void reply(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        if (type != null) {
            exchange.getResponseHeaders().add("Content-Type", type);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Streams without a Content-Length, so that only a client that counts can stop it. */
    private void oversized(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", contentType());
        exchange.sendResponseHeaders(200, 0);
        byte[] chunk = new byte[64 << 10];
        try (OutputStream out = exchange.getResponseBody()) {
            for (int sent = 0; sent < OVERSIZED_BYTES; sent += chunk.length) {
                out.write(chunk);
            }
        }
    }
}
