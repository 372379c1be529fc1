package io.tlscheck.engine.rules;

import static io.tlscheck.engine.rules.Contexts.NAME;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tlscheck.engine.Expectations;
import io.tlscheck.engine.Finding;

class ProtocolBelowMinimumTest {
    private static final String GCM = "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256";
    private static final Expectations TLS13 = Expectations.DEFAULTS.withMinProtocol("TLSv1.3");
    private final Rule rule = new ProtocolBelowMinimum();

    private static Contexts negotiating(String protocol) {
        return Contexts.trusted(Contexts.leaf(NAME).build()).negotiated(protocol, GCM);
    }

    @Test
    void firesWhenTls12IsNegotiatedButTls13IsRequired() {
        Finding finding = Contexts.finding(rule, negotiating("TLSv1.2").want(TLS13));

        assertThat(finding.message())
                .isEqualTo("127.0.0.1:8443 (valid.test) negotiated TLS 1.2, below the required minimum TLS 1.3");
    }

    @Test
    void silentAtTheMinimum() {
        Contexts.silent(rule, negotiating("TLSv1.3").want(TLS13));
        Contexts.silent(rule, negotiating("TLSv1.2"));
        Contexts.silent(rule, negotiating("TLSv1.3"));
    }

    @Test
    void leavesLegacyVersionsToTheLegacyRule() {
        Contexts.silent(rule, negotiating("TLSv1").want(TLS13));
        Contexts.silent(rule, negotiating("TLSv1.1"));
    }

    @Test
    void firesWhenEnumerationFindsTls12BesideATls13Handshake() {
        Map<String, List<String>> accepted = new LinkedHashMap<>();
        accepted.put("TLSv1.2", List.of(GCM));
        accepted.put("TLSv1.3", List.of("TLS_AES_128_GCM_SHA256"));

        Finding finding = Contexts.finding(rule, negotiating("TLSv1.3").want(TLS13).enumerated(accepted));

        assertThat(finding.message())
                .isEqualTo("127.0.0.1:8443 (valid.test) accepts TLS 1.2, below the required minimum TLS 1.3");
    }

    @Test
    void silentWhenNoProtocolIsKnown() {
        Contexts.silent(rule, negotiating(null).want(TLS13));
    }
}
