package io.tlscheck.engine.rules;

import static io.tlscheck.engine.rules.Contexts.NAME;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.tlscheck.engine.ExpectedLeaf;
import io.tlscheck.engine.Expectations;
import io.tlscheck.engine.Finding;
import io.tlscheck.testing.Issued;

class ServedCertificateStaleTest {
    private final Rule rule = new ServedCertificateStale();
    private final Issued served = Contexts.leaf(NAME).build();
    private final Issued renewed = Contexts.leaf(NAME).build();

    private static Expectations expecting(ExpectedLeaf leaf) {
        return Expectations.DEFAULTS.withExpectedLeaf(leaf);
    }

    @Test
    void firesWhenTheServerServesAnotherCertificateThanItsSecret() {
        Finding finding = Contexts.finding(rule, Contexts.trusted(served)
                .want(expecting(ExpectedLeaf.of("Secret web/web-tls", renewed.certificate()))));

        assertThat(finding.message()).startsWith("served certificate for valid.test (sha256 ")
                .contains("is not the one in Secret web/web-tls (sha256 ");
    }

    @Test
    void silentWhenTheSameCertificateIsServed() {
        Contexts.silent(rule, Contexts.trusted(served)
                .want(expecting(ExpectedLeaf.of("Secret web/web-tls", served.certificate()))));
    }

    @Test
    void silentWithoutExpectationOrWhenTheSecretCouldNotBeRead() {
        Contexts.silent(rule, Contexts.trusted(served));
        Contexts.silent(rule, Contexts.trusted(served)
                .want(expecting(ExpectedLeaf.unavailable("Secret web/web-tls", "Secret web/web-tls not found"))));
    }
}
