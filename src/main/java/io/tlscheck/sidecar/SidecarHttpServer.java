package io.tlscheck.sidecar;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.prometheus.client.exporter.common.TextFormat;

/**
 * The sidecar's HTTP endpoints, on the JDK's built-in server (no framework to boot):
 * {@code /q/metrics}, {@code /q/health/live}, {@code /q/health/ready} and {@code /q/health},
 * the paths the Quarkus operator serves too. Two handler threads and a short queue: a scrape
 * and a probe at a time is all a sidecar sees; beyond the queue the accepting thread answers
 * itself, which slows clients down instead of growing memory.
 */
final class SidecarHttpServer implements AutoCloseable {
    private static final String JSON = "application/json; charset=utf-8";

    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    private final PrometheusMeterRegistry registry;
    private final Supplier<Health> readiness;

    SidecarHttpServer(InetSocketAddress address, PrometheusMeterRegistry registry, Supplier<Health> readiness)
            throws IOException {
        this.registry = registry;
        this.readiness = readiness;
        this.server = HttpServer.create(address, 16);
        this.executor = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(32),
                Thread.ofPlatform().daemon().name("tlscheck-http-", 0).factory(), new ThreadPoolExecutor.CallerRunsPolicy());
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    InetSocketAddress address() {
        return server.getAddress();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n");
                return;
            }
            switch (exchange.getRequestURI().getPath()) {
                case "/q/metrics" -> {
                    String type = TextFormat.chooseContentType(exchange.getRequestHeaders().getFirst("Accept"));
                    send(exchange, 200, type, registry.scrape(type));
                }
                case "/q/health/live" -> send(exchange, 200, JSON, Health.live().toJson());
                case "/q/health/ready", "/q/health" -> {
                    Health health = readiness.get();
                    send(exchange, health.up() ? 200 : 503, JSON, health.toJson());
                }
                default -> send(exchange, 404, "text/plain; charset=utf-8",
                        "not found; try /q/metrics, /q/health/live or /q/health/ready\n");
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
