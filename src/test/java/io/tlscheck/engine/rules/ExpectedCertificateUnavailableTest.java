package io.tlscheck.engine.rules;

import static io.tlscheck.engine.rules.Contexts.NAME;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.tlscheck.engine.ExpectedLeaf;
import io.tlscheck.engine.Expectations;
import io.tlscheck.testing.Issued;

class ExpectedCertificateUnavailableTest {
    private final Rule rule = new ExpectedCertificateUnavailable();
    private final Issued served = Contexts.leaf(NAME).build();

    @Test
    void firesWithTheReasonTheSecretCouldNotBeRead() {
        var finding = Contexts.finding(rule, Contexts.trusted(served).want(Expectations.DEFAULTS.withExpectedLeaf(
                ExpectedLeaf.unavailable("Secret web/web-tls", "Secret web/web-tls has no tls.crt"))));

        assertThat(finding.message()).isEqualTo("cannot compare with the expected certificate: "
                + "Secret web/web-tls has no tls.crt");
    }

    @Test
    void silentWhenTheCertificateWasReadOrNothingIsExpected() {
        Contexts.silent(rule, Contexts.trusted(served));
        Contexts.silent(rule, Contexts.trusted(served).want(Expectations.DEFAULTS.withExpectedLeaf(
                ExpectedLeaf.of("Secret web/web-tls", served.certificate()))));
    }
}
