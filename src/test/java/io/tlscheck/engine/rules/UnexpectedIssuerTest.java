package io.tlscheck.engine.rules;

import static io.tlscheck.engine.rules.Contexts.NAME;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.tlscheck.engine.Expectations;
import io.tlscheck.engine.Finding;
import io.tlscheck.testing.Issued;

class UnexpectedIssuerTest {
    private final Rule rule = new UnexpectedIssuer();
    private final Issued leaf = Contexts.leaf(NAME).build();

    private static Expectations expecting(String... issuers) {
        return Expectations.DEFAULTS.withExpectedIssuers(List.of(issuers));
    }

    @Test
    void firesWhenTheIssuerMatchesNoneOfTheExpectedOnes() {
        Finding finding = Contexts.finding(rule, Contexts.trusted(leaf).want(expecting("O=Let's Encrypt", "CN=R11")));

        assertThat(finding.message()).isEqualTo("certificate for valid.test was issued by "
                + "\"CN=Test Intermediate,O=tlscheck tests\", which matches none of the expected issuers "
                + "(O=Let's Encrypt; CN=R11)");
    }

    @Test
    void silentWhenOneExpectedIssuerIsPartOfTheIssuerDn() {
        Contexts.silent(rule, Contexts.trusted(leaf).want(expecting("CN=R11", "O=tlscheck tests")));
        Contexts.silent(rule, Contexts.trusted(leaf).want(expecting("CN=Test Intermediate,O=tlscheck tests")));
    }

    @Test
    void matchesRegardlessOfCaseAndSpacesAroundSeparators() {
        Contexts.silent(rule, Contexts.trusted(leaf).want(expecting("cn = test intermediate, o = TLSCHECK tests")));
        Contexts.finding(rule, Contexts.trusted(leaf).want(expecting("CN=TestIntermediate")));
    }

    @Test
    void silentWhenNoIssuerIsExpectedOrNoCertificateWasServed() {
        Contexts.silent(rule, Contexts.trusted(leaf));
        Contexts.silent(rule, Contexts.served().want(expecting("O=Let's Encrypt")));
    }
}
