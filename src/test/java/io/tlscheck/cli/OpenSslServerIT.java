package io.tlscheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
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
import io.tlscheck.testing.TestOcspResponder;
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

    @Test
    void stapledOcspResponseIsCapturedAndUsedForRevocation() throws Exception {
        Issued ca = TestCertificates.ca("Stapling Root").build();
        try (TestOcspResponder responder = TestOcspResponder.start(ca)) {
            Issued leaf = TestCertificates.leaf("stapled.test").issuedBy(ca).ocspResponder(responder.url()).build();
            Path leafFile = PemFiles.write(dir, "stapled.pem", leaf.certificate());
            Path keyFile = PemFiles.write(dir, "stapled.key", leaf.keyPair().getPrivate());
            Path status = Files.write(dir.resolve("ocsp.der"), responder.responseFor(leaf.certificate()));
            String ca2 = PemFiles.write(dir, "stapling-ca.pem", ca.certificate()).toString();
            int before = responder.requests();
            try (OpenSslServer server = OpenSslServer.start(leafFile, keyFile, "-status_file", status.toString())) {
                CliRun run = CliRun.of("connect", "127.0.0.1:" + server.port(), "--servername", "stapled.test",
                        "--ca-file", ca2, "--revocation", "ocsp", "--require-ocsp-staple", "-o", "json");

                JsonNode json = new ObjectMapper().readTree(run.out());
                assertThat(json.path("ocspStapled").asBoolean()).as(run.out()).isTrue();
                assertThat(json.path("revocation").get(0).path("state").asText()).isEqualTo("good");
                assertThat(json.path("revocation").get(0).path("source").asText()).isEqualTo("stapled OCSP");
                assertThat(responder.requests()).isEqualTo(before);
                assertThat(run.exitCode()).as(run.out()).isZero();
            }
        }
    }

    @Test
    void revokedCertificateIsFailing() throws Exception {
        Issued ca = TestCertificates.ca("Revoking Root").build();
        try (TestOcspResponder responder = TestOcspResponder.start(ca)) {
            Issued leaf = TestCertificates.leaf("revoked.test").issuedBy(ca).ocspResponder(responder.url()).build();
            responder.revoke(leaf.certificate(), org.bouncycastle.asn1.x509.CRLReason.keyCompromise);
            Path leafFile = PemFiles.write(dir, "revoked.pem", leaf.certificate());
            Path keyFile = PemFiles.write(dir, "revoked.key", leaf.keyPair().getPrivate());
            String ca2 = PemFiles.write(dir, "revoking-ca.pem", ca.certificate()).toString();
            try (OpenSslServer server = OpenSslServer.start(leafFile, keyFile)) {
                CliRun run = CliRun.of("connect", "127.0.0.1:" + server.port(), "--servername", "revoked.test",
                        "--ca-file", ca2, "--revocation", "ocsp");

                assertThat(run.exitCode()).isEqualTo(2);
                assertThat(run.out()).contains("revocation.revoked").contains("keyCompromise");
            }
        }
    }
}
