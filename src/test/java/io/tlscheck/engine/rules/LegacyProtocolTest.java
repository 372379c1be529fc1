package io.tlscheck.engine.rules;

import static io.tlscheck.engine.rules.Contexts.NAME;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tlscheck.engine.Expectations;
import io.tlscheck.engine.Finding;

class LegacyProtocolTest {
    private static final String CBC = "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA";
    private static final String GCM = "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256";
    private final Rule rule = new LegacyProtocol();

    private static Contexts negotiating(String protocol) {
        return Contexts.trusted(Contexts.leaf(NAME).build()).negotiated(protocol, CBC);
    }

    @Test
    void firesWhenTls10IsNegotiated() {
        Finding finding = Contexts.finding(rule, negotiating("TLSv1"));

        assertThat(finding.message()).isEqualTo("127.0.0.1:8443 (valid.test) negotiated TLS 1.0, deprecated by RFC 8996");
    }

    @Test
    void firesForSsl3AndTls11ButNotForTls12OrTls13() {
        Contexts.finding(rule, negotiating("SSLv3"));
        Contexts.finding(rule, negotiating("TLSv1.1"));
        Contexts.silent(rule, negotiating("TLSv1.2"));
        Contexts.silent(rule, negotiating("TLSv1.3"));
    }

    @Test
    void firesWhenEnumerationFindsLegacyVersionsBesideAModernHandshake() {
        Map<String, List<String>> accepted = new LinkedHashMap<>();
        accepted.put("TLSv1", List.of(CBC));
        accepted.put("TLSv1.1", List.of(CBC));
        accepted.put("TLSv1.2", List.of(GCM));
        accepted.put("TLSv1.3", List.of("TLS_AES_128_GCM_SHA256"));

        Finding finding = Contexts.finding(rule, negotiating("TLSv1.3").enumerated(accepted));

        assertThat(finding.message()).isEqualTo("127.0.0.1:8443 (valid.test) accepts TLS 1.0, TLS 1.1, deprecated by RFC 8996");
    }

    @Test
    void silentWhenEnumerationFindsOnlyCurrentVersions() {
        Contexts.silent(rule, negotiating("TLSv1.3").enumerated(Map.of("TLSv1.2", List.of(GCM))));
    }

    @Test
    void respectsAMinimumThatWasLoweredOnPurpose() {
        Expectations tls10 = Expectations.DEFAULTS.withMinProtocol("TLSv1");
        Expectations tls11 = Expectations.DEFAULTS.withMinProtocol("TLSv1.1");

        Contexts.silent(rule, negotiating("TLSv1").want(tls10));
        Contexts.finding(rule, negotiating("SSLv3").want(tls10));
        Contexts.finding(rule, negotiating("TLSv1").want(tls11));
        Contexts.silent(rule, negotiating("TLSv1.1").want(tls11));
    }

    @Test
    void silentWhenNoProtocolIsKnown() {
        Contexts.silent(rule, negotiating(null));
    }
}
