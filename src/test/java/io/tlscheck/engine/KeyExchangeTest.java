package io.tlscheck.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.tlscheck.engine.revocation.HttpRevocationChecker;
import io.tlscheck.testing.Issued;
import io.tlscheck.testing.TestCertificates;
import io.tlscheck.testing.TestTlsServer;

/**
 * Full checks against real servers that accept one key exchange group each, with RSA and ECDSA
 * certificates: the groups the client sends key shares for (x25519, secp256r1) complete at
 * once, the others after a HelloRetryRequest, and every one of them ends trusted and healthy.
 * This guards the faster X25519 and ECDSA code (engine.crypto) and the groups the probe offers.
 * (In TLS 1.2 a JSSE server also limits its ECDSA certificate's curve to its groups, hence the
 * matching pairs there.)
 */
class KeyExchangeTest {
    private static final Inspector INSPECTOR = Inspector.withDefaults(new HttpRevocationChecker());

    @ParameterizedTest(name = "{0} server group, {1} {2} certificate, TLS {3}")
    @CsvSource({
        "x25519, EC, 256, TLSv1.3", "secp256r1, EC, 256, TLSv1.3", "secp384r1, EC, 384, TLSv1.3",
        "secp521r1, EC, 521, TLSv1.3", "x448, RSA, 2048, TLSv1.3", "ffdhe2048, RSA, 2048, TLSv1.3",
        "x25519, RSA, 2048, TLSv1.3", "x25519, RSA, 2048, TLSv1.2", "secp256r1, EC, 256, TLSv1.2"})
    void completesAndJudgesHealthyWhateverGroupTheServerInsistsOn(String group, String keyType, int bits,
                                                                   String protocol) throws IOException {
        Issued ca = TestCertificates.ca("Groups Root " + keyType + bits).rsa(2048).build();
        Issued intermediate = TestCertificates.ca("Groups Intermediate " + keyType + bits).issuedBy(ca)
                .ec(384).build();
        TestCertificates leafBuilder = TestCertificates.leaf("groups.test").issuedBy(intermediate);
        Issued leaf = (keyType.equals("EC") ? leafBuilder.ec(bits) : leafBuilder.rsa(bits)).build();
        try (TestTlsServer server = TestTlsServer.serving(leaf, intermediate.certificate())
                .namedGroups(group).protocols(protocol).start()) {
            CheckRequest request = CheckRequest.of(new Endpoint("127.0.0.1", server.port(), "groups.test"),
                    ProbeOptions.DEFAULTS.withTimeout(Duration.ofSeconds(5)), Expectations.DEFAULTS,
                    TrustAnchors.of(false, List.of(ca.certificate())));

            Report report = INSPECTOR.inspect(request);

            assertThat(report.observation().failure()).as("failure").isNull();
            assertThat(report.observation().protocol()).isEqualTo(protocol);
            assertThat(report.path().trusted()).isTrue();
            assertThat(report.verdict()).as(report.message()).isEqualTo(Verdict.HEALTHY);
        }
    }
}
