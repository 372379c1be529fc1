package io.tlscheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tlscheck.testing.CliRun;
import io.tlscheck.testing.Issued;
import io.tlscheck.testing.PemFiles;
import io.tlscheck.testing.TestCertificates;
import io.tlscheck.testing.TestTlsServer;

/** {@code tlscheck connect} end to end, against a real TLS server on 127.0.0.1. */
class ConnectCommandTest {
    @TempDir
    static Path dir;
    private static Issued ca;
    private static Issued leaf;
    private static TestTlsServer server;
    private static String caFile;
    private static String target;

    @BeforeAll
    static void start() {
        ca = TestCertificates.ca("Connect Root").build();
        leaf = TestCertificates.leaf("connect.test").issuedBy(ca).build();
        server = TestTlsServer.serving(leaf).start();
        caFile = PemFiles.write(dir, "ca.pem", ca.certificate()).toString();
        target = "127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    @Test
    void healthyEndpointExitsZeroWithTheChainAsATree() {
        CliRun run = CliRun.of("connect", target, "--servername", "connect.test", "--ca-file", caFile, "--no-system-roots");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Connected to 127.0.0.1:" + server.port() + " (connect.test): TLS 1.3")
                .contains("└── anchor  CN=Connect Root,O=tlscheck tests")
                .contains("names     connect.test")
                .contains("Verdict: Healthy: certificate for connect.test valid until");
    }

    @Test
    void wrongNameFailsWithTheFindingAndWhatToDo() {
        CliRun run = CliRun.of("connect", target, "--servername", "other.test", "--ca-file", caFile);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).contains("FAILING  hostname.mismatch")
                .contains("certificate for connect.test does not cover other.test")
                .contains("fix: Issue a certificate");
    }

    @Test
    void jsonNamesEachFindingByIdSeverityAndMessage() throws IOException {
        CliRun run = CliRun.of("connect", target, "--servername", "other.test", "--ca-file", caFile, "-o", "json");

        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.path("verdict").asText()).isEqualTo("Failing");
        assertThat(json.path("reason").asText()).isEqualTo("HostnameMismatch");
        assertThat(json.path("protocol").asText()).isEqualTo("TLSv1.3");
        assertThat(json.path("chain").get(0).path("certificate").path("dnsNames").get(0).asText()).isEqualTo("connect.test");
        JsonNode finding = json.path("findings").get(0);
        assertThat(finding.path("id").asText()).isEqualTo("hostname.mismatch");
        assertThat(finding.path("severity").asText()).isEqualTo("failing");
        assertThat(finding.path("message").asText()).contains("does not cover other.test");
    }

    @Test
    void yamlOutput() {
        CliRun run = CliRun.of("connect", target, "--servername", "connect.test", "--ca-file", caFile, "-o", "yaml");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("verdict: Healthy").contains("serverName: connect.test");
    }

    @Test
    void showcertsPrintsThePem() {
        CliRun run = CliRun.of("connect", target, "--servername", "connect.test", "--ca-file", caFile, "--showcerts");

        assertThat(run.out()).contains("-----BEGIN CERTIFICATE-----").contains("-----END CERTIFICATE-----");
    }

    @Test
    void untrustedWithoutTheCaFile() {
        CliRun run = CliRun.of("connect", target, "--servername", "connect.test");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).contains("path: incomplete");
    }

    @Test
    void refusedConnectionIsOneLineNoStackTrace() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CliRun run = CliRun.of("connect", "127.0.0.1:" + port, "--timeout", "2s");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).contains("connection refused by 127.0.0.1:" + port).doesNotContain("Exception");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void badUsageIsExit64WithOneLine() {
        CliRun unknownStartTls = CliRun.of("connect", target, "--starttls", "gopher");
        assertThat(unknownStartTls.exitCode()).isEqualTo(64);
        assertThat(unknownStartTls.err().strip()).isEqualTo(
                "tlscheck: unknown STARTTLS protocol 'gopher' (expected one of smtp, imap, pop3, ftp, postgres)");

        CliRun badDuration = CliRun.of("connect", target, "--timeout", "soon");
        assertThat(badDuration.exitCode()).isEqualTo(64);
        assertThat(badDuration.err()).contains("invalid duration 'soon'").doesNotContain("at io.");

        CliRun noRoots = CliRun.of("connect", target, "--no-system-roots");
        assertThat(noRoots.exitCode()).isEqualTo(64);

        CliRun missingFile = CliRun.of("connect", target, "--ca-file", dir.resolve("nope.pem").toString());
        assertThat(missingFile.exitCode()).isEqualTo(64);
        assertThat(missingFile.err()).contains("nope.pem: cannot read file");

        CliRun lonelyKey = CliRun.of("connect", target, "--client-key", caFile);
        assertThat(lonelyKey.exitCode()).isEqualTo(64);
        assertThat(lonelyKey.err()).contains("--client-cert and --client-key go together");
    }

    @Test
    void mutualTlsWithClientCertificateFromPemFiles() throws IOException {
        Issued clientCa = TestCertificates.ca("Connect Client CA").build();
        Issued client = TestCertificates.withSubject("CN=ci-client").issuedBy(clientCa)
                .extendedKeyUsage(org.bouncycastle.asn1.x509.KeyPurposeId.id_kp_clientAuth).build();
        Path cert = PemFiles.write(dir, "client.pem", client.certificate());
        Path key = PemFiles.write(dir, "client.key", client.keyPair().getPrivate());
        try (TestTlsServer mtls = TestTlsServer.serving(leaf).requireClientCertificate(clientCa.certificate()).start()) {
            String mtlsTarget = "127.0.0.1:" + mtls.port();

            CliRun without = CliRun.of("connect", mtlsTarget, "--servername", "connect.test", "--ca-file", caFile);
            assertThat(without.exitCode()).isEqualTo(2);
            assertThat(without.out()).contains("handshake.client-certificate");

            CliRun with = CliRun.of("connect", mtlsTarget, "--servername", "connect.test", "--ca-file", caFile,
                    "--client-cert", cert.toString(), "--client-key", key.toString());
            assertThat(with.exitCode()).as(with.out()).isZero();
            assertThat(with.out()).contains("the server asked for a client certificate");
        }
    }

    @Test
    void enumerateListsAcceptedProtocolsAndSuites() throws IOException {
        try (TestTlsServer limited = TestTlsServer.serving(leaf).protocols("TLSv1.2", "TLSv1.1")
                .cipherSuites("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_128_CBC_SHA").start()) {
            CliRun run = CliRun.of("connect", "127.0.0.1:" + limited.port(), "--servername", "connect.test",
                    "--ca-file", caFile, "--enumerate", "-o", "json");

            JsonNode json = new ObjectMapper().readTree(run.out());
            JsonNode accepted = json.path("enumeration");
            assertThat(accepted.has("TLSv1.3")).isFalse();
            assertThat(accepted.path("TLSv1.2")).extracting(JsonNode::toString).asString()
                    .contains("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_128_CBC_SHA");
            assertThat(accepted.path("TLSv1.1").toString()).contains("TLS_RSA_WITH_AES_128_CBC_SHA");
            assertThat(json.path("enumerationComplete").asBoolean()).isTrue();
        }
    }
}
