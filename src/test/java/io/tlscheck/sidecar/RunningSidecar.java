package io.tlscheck.sidecar;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

/**
 * A sidecar started as {@code tlscheck sidecar ARGS} would start it (same option parsing and
 * config loading), on 127.0.0.1 and with time compressed by {@link #FAST}, and an HTTP client
 * that talks to it like a kubelet or Prometheus would.
 */
final class RunningSidecar implements AutoCloseable {
    /** A 10s spec interval becomes 0.2s; Unknown is retried after 50ms. */
    static final Pacing FAST = new Pacing(0.02, Duration.ofMillis(50));
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final Sidecar sidecar;
    private final StringWriter log = new StringWriter();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    RunningSidecar(String... args) throws IOException {
        SidecarCommand command = new SidecarCommand();
        new CommandLine(command).parseArgs(withLoopback(args));
        sidecar = command.open(new SidecarLog(new PrintWriter(log, true)), FAST);
    }

    private static String[] withLoopback(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.contains("--listen")) {
            all.addAll(List.of("--listen", "127.0.0.1:0"));
        }
        return all.toArray(String[]::new);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + sidecar.address().getPort() + path);
    }

    JsonNode json(HttpResponse<String> response) throws IOException {
        return new ObjectMapper().readTree(response.body());
    }

    /** Polls an endpoint until the response satisfies the condition; fails after a generous wait. */
    HttpResponse<String> await(String path, Predicate<HttpResponse<String>> condition)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        HttpResponse<String> last;
        do {
            last = get(path);
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no matching response from " + path + " within " + PATIENCE + "; last: "
                + last.statusCode() + " " + last.body() + "\nlog:\n" + log);
    }

    /** Polls /q/metrics until a sample with these labels exists, and returns all samples. */
    List<Sample> awaitMetric(String name, Map<String, String> labels) throws IOException, InterruptedException {
        return parse(await("/q/metrics", r -> parse(r.body()).stream().anyMatch(s -> s.is(name, labels))).body());
    }

    String log() {
        return log.toString();
    }

    /** One line of the Prometheus text format. */
    record Sample(String name, Map<String, String> labels, double value) {
        boolean is(String wanted, Map<String, String> having) {
            return name.equals(wanted) && labels.entrySet().containsAll(having.entrySet());
        }
    }

    static List<Sample> parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (line.startsWith("#") || !m.matches()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(2) != null) {
                Matcher l = LABEL.matcher(m.group(2));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(3))));
        }
        return samples;
    }

    static Sample find(List<Sample> samples, String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.is(name, labels)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + labels + " in\n"
                        + String.join("\n", samples.stream().map(Sample::toString).toList())));
    }

    @Override
    public void close() {
        sidecar.close();
    }
}
