package io.tlscheck.sidecar;

import static io.tlscheck.sidecar.RunningSidecar.find;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.tlscheck.sidecar.RunningSidecar.Sample;
import io.tlscheck.testing.Issued;
import io.tlscheck.testing.PemFiles;
import io.tlscheck.testing.RawTcpServer;
import io.tlscheck.testing.SwitchingProxy;
import io.tlscheck.testing.TestCertificates;
import io.tlscheck.testing.TestTlsServer;

/**
 * The sidecar against real TLS servers on 127.0.0.1, through its real HTTP endpoints. The app's
 * listener is a {@link SwitchingProxy}, so a test can make it serve another certificate while
 * the sidecar runs.
 */
@Timeout(120)
class SidecarTest {
    @TempDir
    static Path dir;
    private static Issued ca;
    private static Issued good;
    private static TestTlsServer goodServer;
    private static TestTlsServer expiredServer;
    private static TestTlsServer wrongNameServer;
    private static String caFile;

    @BeforeAll
    static void servers() {
        ca = TestCertificates.ca("Sidecar Root").build();
        good = TestCertificates.leaf("app.test").issuedBy(ca).build();
        goodServer = TestTlsServer.serving(good).start();
        expiredServer = TestTlsServer.serving(TestCertificates.leaf("app.test").issuedBy(ca)
                .expiresIn(Duration.ofDays(-2)).build()).start();
        wrongNameServer = TestTlsServer.serving(TestCertificates.leaf("other.test").issuedBy(ca).build()).start();
        caFile = PemFiles.write(dir, "ca.pem", ca.certificate()).toString();
    }

    @AfterAll
    static void stop() throws IOException {
        goodServer.close();
        expiredServer.close();
        wrongNameServer.close();
    }

    /** A TlsCheck for app.test on 127.0.0.1:PORT, checked every 10s (the spec's minimum). */
    private static String check(String name, int port, boolean readiness) {
        return """
                apiVersion: tlscheck.io/v1alpha1
                kind: TlsCheck
                metadata:
                  name: %s
                  annotations:
                    tlscheck.io/readiness: "%s"
                spec:
                  host: 127.0.0.1
                  port: %d
                  serverName: app.test
                  interval: 10s
                  timeout: 5s
                  trust:
                    systemRoots: false
                """.formatted(name, readiness, port);
    }

    private static Path config(String name, String... documents) throws IOException {
        return Files.writeString(dir.resolve(name), String.join("---\n", documents));
    }

    @Test
    void metricsNamesAndLabels() throws Exception {
        Path config = config("metrics.yaml", check("app", goodServer.port(), true), check("stale", expiredServer.port(), false));
        try (RunningSidecar sidecar = new RunningSidecar("--config", config.toString(), "--ca-file", caFile)) {
            Map<String, String> app = Map.of("namespace", "", "name", "app");
            Map<String, String> appEndpoint = Map.of("name", "app", "endpoint", "127.0.0.1:" + goodServer.port(),
                    "server_name", "app.test");
            sidecar.awaitMetric("tlscheck_check_success", Map.of("name", "stale"));
            List<Sample> samples = sidecar.awaitMetric("tlscheck_check_success", appEndpoint);

            assertThat(find(samples, "tlscheck_check_success", appEndpoint).value()).isEqualTo(1.0);
            assertThat(find(samples, "tlscheck_check_success", Map.of("name", "stale")).value()).isZero();
            assertThat(find(samples, "tlscheck_certificate_expiry_timestamp_seconds", appEndpoint).value())
                    .isEqualTo(good.certificate().getNotAfter().toInstant().getEpochSecond());
            assertThat(find(samples, "tlscheck_tls_version_info", appEndpoint).labels()).containsKey("protocol");
            assertThat(find(samples, "tlscheck_verdict", with(app, "verdict", "Healthy")).value()).isEqualTo(1.0);
            assertThat(find(samples, "tlscheck_verdict", with(app, "verdict", "Failing")).value()).isZero();
            assertThat(find(samples, "tlscheck_verdict", Map.of("name", "stale", "verdict", "Failing")).value())
                    .isEqualTo(1.0);
            assertThat(find(samples, "tlscheck_checks_total", with(app, "result", "healthy")).value()).isPositive();
            assertThat(find(samples, "tlscheck_check_duration_seconds_count", app).value()).isPositive();
            assertThat(find(samples, "tlscheck_check_duration_seconds_sum", app).value()).isPositive();

            HttpResponse<String> scrape = sidecar.get("/q/metrics");
            assertThat(scrape.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
            assertThat(scrape.body()).contains("# TYPE tlscheck_checks_total counter", "jvm_memory_used_bytes");
        }
    }

    @Test
    void readinessFailsWhileAReadinessCheckIsFailingAndRecovers() throws Exception {
        try (SwitchingProxy app = new SwitchingProxy(goodServer.port())) {
            Path config = config("flip.yaml", check("app", app.port(), true));
            try (RunningSidecar sidecar = new RunningSidecar("--config", config.toString(), "--ca-file", caFile)) {
                JsonNode up = sidecar.json(sidecar.await("/q/health/ready", r -> r.statusCode() == 200));
                assertThat(up.path("status").asText()).isEqualTo("UP");
                assertThat(up.path("checks").get(0).path("name").asText()).isEqualTo("app");
                assertThat(up.path("checks").get(0).path("data").path("verdict").asText()).isEqualTo("Healthy");

                app.switchTo(expiredServer.port());
                HttpResponse<String> down = sidecar.await("/q/health/ready", r -> r.statusCode() == 503);
                JsonNode failing = sidecar.json(down);
                assertThat(down.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
                assertThat(failing.path("status").asText()).isEqualTo("DOWN");
                assertThat(failing.path("checks")).hasSize(1);
                JsonNode entry = failing.path("checks").get(0);
                assertThat(entry.path("name").asText()).isEqualTo("app");
                assertThat(entry.path("status").asText()).isEqualTo("DOWN");
                assertThat(entry.path("data").path("verdict").asText()).isEqualTo("Failing");
                assertThat(entry.path("data").path("reason").asText()).isEqualTo("CertificateExpired");
                assertThat(entry.path("data").path("target").asText()).isEqualTo("127.0.0.1:" + app.port() + " (app.test)");

                app.switchTo(goodServer.port());
                sidecar.await("/q/health/ready", r -> r.statusCode() == 200);

                app.switchTo(wrongNameServer.port());
                JsonNode mismatch = sidecar.json(sidecar.await("/q/health/ready", r -> r.statusCode() == 503));
                assertThat(mismatch.path("checks").get(0).path("data").path("reason").asText()).isEqualTo("HostnameMismatch");

                app.switchTo(goodServer.port());
                sidecar.await("/q/health/ready", r -> r.statusCode() == 200);
                assertThat(sidecar.get("/q/health/live").statusCode()).isEqualTo(200);
                assertThat(sidecar.log()).contains("app 127.0.0.1:" + app.port() + " (app.test): Healthy -> Failing (CertificateExpired)")
                        .contains("Failing -> Healthy").contains("readiness DOWN: app\n").contains("readiness UP");
            }
        }
    }

    @Test
    void checksNotMarkedForReadinessDoNotAffectIt() throws Exception {
        Path config = config("others.yaml", check("app", goodServer.port(), true),
                check("stale", expiredServer.port(), false),
                check("unmarked", wrongNameServer.port(), false).replace("    tlscheck.io/readiness: \"false\"\n", "")
                        .replace("  annotations:\n", ""));
        try (RunningSidecar sidecar = new RunningSidecar("--config", config.toString(), "--ca-file", caFile)) {
            sidecar.awaitMetric("tlscheck_verdict", Map.of("name", "stale", "verdict", "Failing"));
            sidecar.awaitMetric("tlscheck_check_success", Map.of("name", "unmarked"));
            HttpResponse<String> ready = sidecar.await("/q/health/ready", r -> r.statusCode() == 200);

            JsonNode health = sidecar.json(ready);
            assertThat(health.path("checks")).hasSize(1);
            assertThat(health.path("checks").get(0).path("name").asText()).isEqualTo("app");
            List<Sample> samples = RunningSidecar.parse(sidecar.get("/q/metrics").body());
            assertThat(find(samples, "tlscheck_verdict", Map.of("name", "unmarked", "verdict", "Failing")).value()).isEqualTo(1.0);
        }
    }

    @Test
    void unknownBeforeAnyConclusiveVerdictKeepsReadinessDownAndASilentPeerDelaysNoOne() throws Exception {
        try (RawTcpServer silent = new RawTcpServer(RawTcpServer.Behaviour.SILENT)) {
            Path config = config("silent.yaml", check("app", goodServer.port(), false),
                    check("silent", silent.port(), true).replace("timeout: 5s", "timeout: 1s"));
            try (RunningSidecar sidecar = new RunningSidecar("--config", config.toString(), "--ca-file", caFile,
                    "--parallel", "1")) {
                List<Sample> samples = sidecar.awaitMetric("tlscheck_verdict", Map.of("name", "silent", "verdict", "Unknown"));
                assertThat(find(samples, "tlscheck_verdict", Map.of("name", "silent", "verdict", "Unknown")).value())
                        .isEqualTo(1.0);
                sidecar.await("/q/metrics", r -> find(RunningSidecar.parse(r.body()), "tlscheck_checks_total",
                        Map.of("name", "app", "result", "healthy")).value() >= 3);

                HttpResponse<String> ready = sidecar.get("/q/health/ready");
                assertThat(ready.statusCode()).isEqualTo(503);
                JsonNode data = sidecar.json(ready).path("checks").get(0).path("data");
                assertThat(data.path("verdict").asText()).isIn("Unknown", "Pending");
            }
        }
    }

    @Test
    void liveAndOtherPaths() throws Exception {
        Path config = config("paths.yaml", check("app", goodServer.port(), false));
        try (RunningSidecar sidecar = new RunningSidecar("--config", config.toString(), "--ca-file", caFile)) {
            HttpResponse<String> live = sidecar.get("/q/health/live");
            assertThat(live.statusCode()).isEqualTo(200);
            assertThat(sidecar.json(live).path("status").asText()).isEqualTo("UP");
            assertThat(sidecar.get("/q/health/ready").statusCode()).as("no readiness checks: ready").isEqualTo(200);
            assertThat(sidecar.get("/nothing").statusCode()).isEqualTo(404);
            assertThat(sidecar.send(HttpRequest.newBuilder(sidecar.uri("/q/metrics"))
                    .POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(405);
        }
    }

    @Test
    void clientCertificateFromFilesForChecksThatDeclareOne() throws Exception {
        Issued clientCa = TestCertificates.ca("Client Root").build();
        Issued client = TestCertificates.leaf("sidecar.client").issuedBy(clientCa)
                .extendedKeyUsage(KeyPurposeId.id_kp_clientAuth).build();
        try (TestTlsServer mtls = TestTlsServer.serving(good).requireClientCertificate(clientCa.certificate()).start()) {
            String yaml = check("mtls", mtls.port(), true) + "  clientCertificate:\n    secretName: app-client\n";
            Path config = config("mtls.yaml", yaml);
            String cert = PemFiles.write(dir, "client.pem", client.certificate()).toString();
            String key = PemFiles.write(dir, "client.key", client.keyPair().getPrivate()).toString();
            try (RunningSidecar sidecar = new RunningSidecar("--config", config.toString(), "--ca-file", caFile,
                    "--client-cert", cert, "--client-key", key)) {
                JsonNode up = sidecar.json(sidecar.await("/q/health/ready", r -> r.statusCode() == 200));
                assertThat(up.path("checks").get(0).path("data").path("verdict").asText()).isEqualTo("Healthy");
                assertThat(sidecar.log()).doesNotContain("PRIVATE KEY");
            }
        }
    }

    private static Map<String, String> with(Map<String, String> labels, String key, String value) {
        Map<String, String> all = new java.util.HashMap<>(labels);
        all.put(key, value);
        return all;
    }
}
