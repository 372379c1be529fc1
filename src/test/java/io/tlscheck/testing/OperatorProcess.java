package io.tlscheck.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged operator ({@code bin/tlscheck operator}) as a separate process against a real API
 * server, the way users run it: health and metrics on a free port of 127.0.0.1, its log in
 * {@code target/}. Integration tests run after packaging, so the build output exists.
 */
public final class OperatorProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final Path log;
    private final String name;

    private OperatorProcess(Process process, int port, Path log, String name) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.name = name;
    }

    /** Starts the operator with the given kubeconfig and extra environment, and waits until it is ready. */
    public static OperatorProcess start(Path kubeconfig, Map<String, String> env) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path log = Files.createTempFile(Path.of("target"), "operator-", ".log");
        ProcessBuilder builder = new ProcessBuilder("bin/tlscheck", "operator")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("KUBECONFIG", kubeconfig.toString());
        builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().putAll(env);
        OperatorProcess operator = new OperatorProcess(builder.start(), port, log,
                builder.environment().getOrDefault("HOSTNAME", "tlscheck-operator"));
        operator.awaitReady(Duration.ofSeconds(90));
        return operator;
    }

    private void awaitReady(Duration budget) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + budget.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the operator exited with " + process.exitValue() + "; its log:\n" + log());
            }
            try {
                if (get("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Still starting.
            }
            Thread.sleep(250);
        }
        close();
        throw new IOException("the operator was not ready within " + budget + "; its log:\n" + log());
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public String metrics() throws IOException, InterruptedException {
        return get("/q/metrics").body();
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    /** The replica's name, its HOSTNAME: the identity it holds the leader Lease under. */
    public String name() {
        return name;
    }

    public boolean alive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
