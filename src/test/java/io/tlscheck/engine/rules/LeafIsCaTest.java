package io.tlscheck.engine.rules;

import static io.tlscheck.engine.rules.Contexts.NAME;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.tlscheck.engine.Finding;
import io.tlscheck.testing.Issued;
import io.tlscheck.testing.TestCertificates;

class LeafIsCaTest {
    private final Rule rule = new LeafIsCa();

    @Test
    void firesForAnIssuedLeafWithCaTrue() {
        Finding finding = Contexts.finding(rule, Contexts.trusted(Contexts.leaf(NAME).isCa(true).build()));

        assertThat(finding.message()).isEqualTo("certificate for valid.test is a CA certificate (basicConstraints CA:TRUE)");
    }

    @Test
    void silentForCaFalseOrNoBasicConstraints() {
        Contexts.silent(rule, Contexts.trusted(Contexts.leaf(NAME).build()));
        Contexts.silent(rule, Contexts.trusted(Contexts.leaf(NAME).withoutBasicConstraints().build()));
    }

    @Test
    void silentForASelfSignedCaTrueLeafTrustedOrNot() {
        Issued selfSigned = TestCertificates.leaf(NAME).isCa(true).build();

        Contexts.silent(rule, Contexts.served(selfSigned).trusting(selfSigned));
        Contexts.silent(rule, Contexts.served(selfSigned));
    }

    @Test
    void silentWithoutCertificates() {
        Contexts.silent(rule, Contexts.served());
    }
}
