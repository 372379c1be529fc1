package io.tlscheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tlscheck.testing.CliRun;
import io.tlscheck.testing.Issued;
import io.tlscheck.testing.OpenSslServer;
import io.tlscheck.testing.PemFiles;
import io.tlscheck.testing.TestCertificates;

/** The CLI against {@code openssl s_server}: servers configured the way OpenSSL users do. */
class OpenSslServerIT {
    @TempDir
    static Path dir;
    private static Path cert;
    private static Path key;
    private static String caFile;

    @BeforeAll
    static void pki() {
        Issued ca = TestCertificates.ca("OpenSSL Root").build();
        Issued leaf = TestCertificates.leaf("openssl.test").issuedBy(ca).build();
        cert = PemFiles.write(dir, "leaf.pem", leaf.certificate());
        key = PemFiles.write(dir, "leaf.key", leaf.keyPair().getPrivate());
        caFile = PemFiles.write(dir, "ca.pem", ca.certificate()).toString();
    }

    @Test
    void tls10OnlyServerIsALegacyProtocolFindingNotAHandshakeError() throws Exception {
        try (OpenSslServer server = OpenSslServer.start(cert, key, "-tls1", "-cipher", "DEFAULT@SECLEVEL=0")) {
            CliRun run = CliRun.of("connect", "127.0.0.1:" + server.port(), "--servername", "openssl.test",
                    "--ca-file", caFile, "-o", "json");

            JsonNode json = new ObjectMapper().readTree(run.out());
            assertThat(json.path("protocol").asText()).isEqualTo("TLSv1");
            assertThat(json.path("verdict").asText()).isEqualTo("Failing");
            assertThat(json.path("findings").toString()).contains("\"id\":\"protocol.legacy\"");
            assertThat(run.exitCode()).isEqualTo(2);
        }
    }

    @Test
    void enumerationFindsTheVersionsOpenSslAccepts() throws Exception {
        try (OpenSslServer server = OpenSslServer.start(cert, key, "-no_tls1_3", "-cipher",
                "ECDHE-RSA-AES128-GCM-SHA256:AES128-SHA:@SECLEVEL=0")) {
            CliRun run = CliRun.of("connect", "127.0.0.1:" + server.port(), "--servername", "openssl.test",
                    "--ca-file", caFile, "--enumerate", "-o", "json");

            JsonNode accepted = new ObjectMapper().readTree(run.out()).path("enumeration");
            assertThat(accepted.has("TLSv1.3")).isFalse();
            assertThat(accepted.path("TLSv1.2").toString())
                    .contains("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_128_CBC_SHA");
            assertThat(accepted.has("TLSv1.1")).isTrue();
            assertThat(run.out()).contains("\"id\" : \"protocol.legacy\"");
        }
    }

    @Test
    void modernOpenSslServerIsHealthy() throws Exception {
        try (OpenSslServer server = OpenSslServer.start(cert, key)) {
            CliRun run = CliRun.of("connect", "127.0.0.1:" + server.port(), "--servername", "openssl.test",
                    "--ca-file", caFile);

            assertThat(run.out()).contains("TLS 1.3");
            assertThat(run.exitCode()).as(run.out()).isZero();
        }
    }
}
