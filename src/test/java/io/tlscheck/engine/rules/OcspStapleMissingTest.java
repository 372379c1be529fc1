package io.tlscheck.engine.rules;

import static io.tlscheck.engine.rules.Contexts.NAME;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.tlscheck.engine.Expectations;
import io.tlscheck.engine.Finding;

class OcspStapleMissingTest {
    private static final Expectations STAPLE = Expectations.DEFAULTS.withRequireOcspStaple(true);
    private final Rule rule = new OcspStapleMissing();
    private final Contexts served = Contexts.trusted(Contexts.leaf(NAME).build());

    @Test
    void firesWhenStaplingIsRequiredAndNothingWasStapled() {
        Finding finding = Contexts.finding(rule, served.want(STAPLE));

        assertThat(finding.message()).isEqualTo("127.0.0.1:8443 (valid.test) stapled no OCSP response for valid.test");
    }

    @Test
    void silentWhenAResponseWasStapled() {
        Contexts.silent(rule, served.want(STAPLE).stapled(new byte[] {0x30, 0x03, 0x0a, 0x01, 0x00}));
    }

    @Test
    void silentWhenStaplingIsNotRequired() {
        Contexts.silent(rule, served);
    }

    @Test
    void silentWithoutCertificates() {
        Contexts.silent(rule, Contexts.served().want(STAPLE));
    }
}
