package io.tlscheck.engine.rules;

import static io.tlscheck.engine.rules.Contexts.NAME;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.tlscheck.engine.Finding;
import io.tlscheck.testing.TestCertificates;

class NoSubjectAltNameTest {
    private final Rule rule = new NoSubjectAltName();

    @Test
    void firesForACertificateWithOnlyACommonName() {
        var cnOnly = TestCertificates.withSubject("CN=" + NAME).issuedBy(Contexts.intermediate()).build();

        Finding finding = Contexts.finding(rule, Contexts.trusted(cnOnly));

        assertThat(finding.message())
                .isEqualTo("certificate for valid.test has no subjectAltName, and clients do not fall back to its common name");
    }

    @Test
    void silentWithDnsOrIpSans() {
        Contexts.silent(rule, Contexts.trusted(Contexts.leaf(NAME).build()));
        Contexts.silent(rule, Contexts.trusted(Contexts.leaf(NAME).noSubjectAltNames().ip("127.0.0.1").build()));
    }

    @Test
    void silentWithoutCertificates() {
        Contexts.silent(rule, Contexts.served());
    }
}
