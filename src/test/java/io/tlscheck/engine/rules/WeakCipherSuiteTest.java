package io.tlscheck.engine.rules;

import static io.tlscheck.engine.rules.Contexts.NAME;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tlscheck.engine.Expectations;
import io.tlscheck.engine.Finding;
import io.tlscheck.engine.PolicyProfile;

class WeakCipherSuiteTest {
    private static final String CBC = "TLS_RSA_WITH_AES_128_CBC_SHA";
    private static final String GCM = "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256";
    private static final String TLS13_SUITE = "TLS_AES_256_GCM_SHA384";
    private static final Expectations MODERN = Expectations.DEFAULTS.withProfile(PolicyProfile.MODERN);
    private static final Expectations OLD = Expectations.DEFAULTS.withProfile(PolicyProfile.OLD);
    private final Rule rule = new WeakCipherSuite();

    private static Contexts negotiating(String protocol, String suite) {
        return Contexts.trusted(Contexts.leaf(NAME).build()).negotiated(protocol, suite);
    }

    @Test
    void firesForANonForwardSecretCbcSuiteUnderTheIntermediateProfile() {
        Finding finding = Contexts.finding(rule, negotiating("TLSv1.2", CBC));

        assertThat(finding.message()).isEqualTo("127.0.0.1:8443 (valid.test) negotiated cipher suite "
                + "TLS_RSA_WITH_AES_128_CBC_SHA, outside the Mozilla intermediate profile");
    }

    @Test
    void silentForTheIntermediateProfilesOwnSuites() {
        Contexts.silent(rule, negotiating("TLSv1.2", GCM));
        Contexts.silent(rule, negotiating("TLSv1.3", TLS13_SUITE));
    }

    @Test
    void theModernProfileAlsoRejectsTls12() {
        Finding finding = Contexts.finding(rule, negotiating("TLSv1.2", GCM).want(MODERN));

        assertThat(finding.message()).isEqualTo("127.0.0.1:8443 (valid.test) negotiated TLS 1.2 and cipher suite "
                + GCM + ", outside the Mozilla modern profile");
        Contexts.silent(rule, negotiating("TLSv1.3", TLS13_SUITE).want(MODERN));
    }

    @Test
    void theOldProfileRejectsOnlyBrokenSuites() {
        Contexts.silent(rule, negotiating("TLSv1.2", CBC).want(OLD));
        Contexts.finding(rule, negotiating("TLSv1.2", "SSL_RSA_WITH_RC4_128_SHA").want(OLD));
    }

    @Test
    void listsEnumeratedSuitesBoundedToFive() {
        Map<String, List<String>> accepted = new LinkedHashMap<>();
        accepted.put("TLSv1.2", List.of(GCM, "TLS_RSA_WITH_AES_128_CBC_SHA", "TLS_RSA_WITH_AES_256_CBC_SHA",
                "TLS_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_256_GCM_SHA384",
                "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
                "TLS_RSA_WITH_AES_128_CBC_SHA256"));

        Finding finding = Contexts.finding(rule, negotiating("TLSv1.2", GCM).enumerated(accepted));

        assertThat(finding.message()).isEqualTo("127.0.0.1:8443 (valid.test) accepts cipher suites "
                + "TLS_RSA_WITH_AES_128_CBC_SHA, TLS_RSA_WITH_AES_256_CBC_SHA, TLS_RSA_WITH_AES_128_GCM_SHA256, "
                + "TLS_RSA_WITH_AES_256_GCM_SHA384, TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA and 2 more, "
                + "outside the Mozilla intermediate profile");
    }

    @Test
    void leavesVersionsBelowTheMinimumAndTheirSuitesToTheProtocolRules() {
        Map<String, List<String>> accepted = new LinkedHashMap<>();
        accepted.put("TLSv1", List.of(CBC));
        accepted.put("TLSv1.2", List.of(GCM));

        Contexts.silent(rule, negotiating("TLSv1.2", GCM).enumerated(accepted));
        Contexts.silent(rule, negotiating("TLSv1", CBC));
        Contexts.silent(rule, negotiating("TLSv1.2", GCM).want(MODERN.withMinProtocol("TLSv1.3")));
    }

    @Test
    void silentWhenNothingWasNegotiated() {
        Contexts.silent(rule, negotiating(null, null));
    }
}
