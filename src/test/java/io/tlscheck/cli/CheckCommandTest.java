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
import io.tlscheck.testing.Issued;
import io.tlscheck.testing.PemFiles;
import io.tlscheck.testing.TestCertificates;
import io.tlscheck.testing.TestTlsServer;

/** {@code tlscheck check -f DIR} over a directory of manifests, as a CI pipeline runs it. */
class CheckCommandTest {
    @TempDir
    static Path dir;
    private static TestTlsServer server;
    private static Path manifests;
    private static String caFile;

    @BeforeAll
    static void setUp() throws IOException {
        Issued ca = TestCertificates.ca("Check Root").build();
        server = TestTlsServer.serving(TestCertificates.leaf("check.test").issuedBy(ca).build()).start();
        caFile = PemFiles.write(dir, "ca.pem", ca.certificate()).toString();
        manifests = Files.createDirectories(dir.resolve("manifests"));
        Files.writeString(manifests.resolve("a-healthy.yaml"), """
                apiVersion: tlscheck.io/v1alpha1
                kind: TlsCheck
                metadata:
                  name: healthy
                  namespace: web
                spec:
                  host: 127.0.0.1
                  port: %d
                  serverName: check.test
                  trust:
                    systemRoots: false
                """.formatted(server.port()));
        Files.writeString(manifests.resolve("b-mismatch.yml"), """
                apiVersion: tlscheck.io/v1alpha1
                kind: TlsCheck
                metadata:
                  name: mismatch
                spec:
                  host: 127.0.0.1
                  port: %d
                  serverName: wrong.test
                ---
                apiVersion: tlscheck.io/v1alpha1
                kind: TlsCheck
                metadata:
                  name: in-cluster
                spec:
                  service:
                    name: web
                    port: https
                """.formatted(server.port()));
        Files.writeString(manifests.resolve("c-invalid.yaml"), """
                apiVersion: tlscheck.io/v1alpha1
                kind: TlsCheck
                metadata:
                  name: invalid
                spec:
                  host: example.com
                  port: 0
                """);
        Files.writeString(manifests.resolve("notes.txt"), "not a manifest");
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    @Test
    void tableLikeKubectlWithTheWorstVerdictAsExitCode() {
        CliRun run = CliRun.of("check", "-f", manifests.toString(), "--ca-file", caFile);

        assertThat(run.exitCode()).isEqualTo(2);
        String[] lines = run.out().split("\n");
        assertThat(lines[0]).startsWith("NAMESPACE   NAME").contains("TARGET", "READY", "VERDICT", "EXPIRES-IN", "PROTOCOL");
        assertThat(run.out()).containsPattern("web +healthy +127\\.0\\.0\\.1:\\d+ +True +Healthy +\\d+d +TLS 1\\.3")
                .containsPattern("mismatch .* False +Failing .* HostnameMismatch")
                .containsPattern("in-cluster +service/web +- +Skipped")
                .containsPattern("invalid .* False +Invalid");
        assertThat(run.err()).contains("c-invalid.yaml:7: spec.port: must be between 1 and 65535 (got 0)");
    }

    @Test
    void healthyOnlyExitsZero() {
        CliRun run = CliRun.of("check", "-f", manifests.resolve("a-healthy.yaml").toString(), "--ca-file", caFile);

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    }

    @Test
    void caBundleReferencesAreSkippedWithoutCaFile() throws IOException {
        Path file = Files.writeString(dir.resolve("bundle.yaml"), """
                apiVersion: tlscheck.io/v1alpha1
                kind: TlsCheck
                metadata:
                  name: internal
                spec:
                  host: 127.0.0.1
                  port: %d
                  trust:
                    caBundle:
                      configMapKeyRef: {name: internal-ca, key: ca.crt}
                """.formatted(server.port()));

        CliRun run = CliRun.of("check", "-f", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Skipped").contains("pass --ca-file to run this check offline");
    }

    @Test
    void jsonOutput() throws IOException {
        CliRun run = CliRun.of("check", "-f", manifests.toString(), "--ca-file", caFile, "-o", "json");

        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json).hasSize(4);
        assertThat(json.get(0).path("name").asText()).isEqualTo("healthy");
        assertThat(json.get(0).path("verdict").asText()).isEqualTo("Healthy");
        assertThat(json.get(0).path("file").asText()).endsWith("a-healthy.yaml");
        assertThat(json.get(1).path("report").path("findings").get(0).path("id").asText()).isEqualTo("hostname.mismatch");
        assertThat(json.get(3).path("status").asText()).isEqualTo("invalid");
    }

    @Test
    void junitXmlForCiSystems() throws Exception {
        CliRun run = CliRun.of("check", "-f", manifests.toString(), "--ca-file", caFile, "-o", "junit");

        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(run.out().getBytes(StandardCharsets.UTF_8)));
        var suite = xml.getElementsByTagName("testsuite").item(0).getAttributes();
        assertThat(suite.getNamedItem("tests").getNodeValue()).isEqualTo("4");
        assertThat(suite.getNamedItem("failures").getNodeValue()).isEqualTo("2");
        assertThat(suite.getNamedItem("skipped").getNodeValue()).isEqualTo("1");
        assertThat(run.out()).contains("<failure type=\"Failing\" message=\"HostnameMismatch: ");
    }

    @Test
    void missingPathIsUsageError() {
        CliRun run = CliRun.of("check", "-f", dir.resolve("absent").toString());

        assertThat(run.exitCode()).isEqualTo(64);
        assertThat(run.err()).contains("absent: no such file or directory");
    }
}
