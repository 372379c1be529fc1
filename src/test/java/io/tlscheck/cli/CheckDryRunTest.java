package io.tlscheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tlscheck.testing.CliRun;
import io.tlscheck.testing.TestCertificates;
import io.tlscheck.testing.TestTlsServer;

/**
 * {@code tlscheck check --dry-run}: a pipeline validating TlsCheck YAML offline. Manifests are
 * read and judged exactly as without the flag, and nothing is connected to: the TLS server the
 * host manifests point at must see no handshake.
 */
class CheckDryRunTest {
    @TempDir
    static Path dir;
    private static TestTlsServer server;
    private static Path valid;
    private static Path mixed;

    @BeforeAll
    static void setUp() throws IOException {
        server = TestTlsServer.serving(TestCertificates.leaf("dry.test").build()).start();
        valid = Files.createDirectories(dir.resolve("valid"));
        Files.writeString(valid.resolve("host.yaml"), """
                apiVersion: tlscheck.io/v1alpha1
                kind: TlsCheck
                metadata:
                  name: host
                  namespace: web
                spec:
                  host: 127.0.0.1
                  port: %d
                  serverName: dry.test
                """.formatted(server.port()));
        Files.writeString(valid.resolve("service.yaml"), """
                apiVersion: tlscheck.io/v1alpha1
                kind: TlsCheck
                metadata:
                  name: service
                spec:
                  service: {name: web, port: https}
                  expect:
                    matchSecret: {name: web-tls}
                """);
        mixed = Files.createDirectories(dir.resolve("mixed"));
        Files.copy(valid.resolve("host.yaml"), mixed.resolve("a-host.yaml"));
        Files.writeString(mixed.resolve("b-invalid.yaml"), """
                apiVersion: tlscheck.io/v1alpha1
                kind: TlsCheck
                metadata:
                  name: invalid
                spec:
                  host: example.com
                  interval: 5s
                """);
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    @Test
    void validManifestsExitZeroWithoutAConnection() {
        CliRun run = CliRun.of("check", "--dry-run", "-f", valid.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).containsPattern("web +host +127\\.0\\.0\\.1:\\d+ +- +Valid +ValidSpec +valid; not run")
                .containsPattern("service +service/web +- +Valid");
        assertThat(run.err()).isEmpty();
        assertThat(server.handshakes()).isZero();
    }

    @Test
    void anInvalidManifestExitsTwoWithItsFileAndLine() {
        CliRun run = CliRun.of("check", "--dry-run", "-f", mixed.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("b-invalid.yaml:7: spec.interval: must be at least 10s");
        assertThat(run.out()).containsPattern("host .* Valid").containsPattern("invalid .* False +Invalid +InvalidSpec");
        assertThat(server.handshakes()).isZero();
    }

    @Test
    void jsonAndJunitSayValid() throws Exception {
        JsonNode json = new ObjectMapper().readTree(CliRun.of("check", "--dry-run", "-f", mixed.toString(), "-o", "json").out());
        assertThat(json).hasSize(2);
        assertThat(json.get(0).path("status").asText()).isEqualTo("valid");
        assertThat(json.get(0).path("verdict").asText()).isEqualTo("Valid");
        assertThat(json.get(0).has("report")).isFalse();
        assertThat(json.get(1).path("status").asText()).isEqualTo("invalid");
        assertThat(json.get(1).path("message").asText()).contains("b-invalid.yaml:7: spec.interval");

        CliRun junit = CliRun.of("check", "--dry-run", "-f", mixed.toString(), "-o", "junit");
        assertThat(junit.exitCode()).isEqualTo(2);
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(junit.out().getBytes(StandardCharsets.UTF_8)));
        var suite = xml.getElementsByTagName("testsuite").item(0).getAttributes();
        assertThat(suite.getNamedItem("tests").getNodeValue()).isEqualTo("2");
        assertThat(suite.getNamedItem("failures").getNodeValue()).isEqualTo("1");
        assertThat(suite.getNamedItem("skipped").getNodeValue()).isEqualTo("0");
        assertThat(server.handshakes()).isZero();
    }

    /** The pre-merge job of examples/README.md: every example in the repository is valid. */
    @Test
    void theRepositorysExamplesAreValid() {
        CliRun run = CliRun.of("check", "--dry-run", "-f", "examples");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("example-com", "web", "shop-ingress", "payments-mtls", "smtp-submission",
                "postgres").doesNotContain("Invalid");
    }
}
