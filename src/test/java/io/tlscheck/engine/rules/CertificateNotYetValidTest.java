package io.tlscheck.engine.rules;

import static io.tlscheck.engine.rules.Contexts.NAME;
import static io.tlscheck.engine.rules.Contexts.NOW;
import static io.tlscheck.engine.rules.Contexts.days;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.tlscheck.engine.Finding;
import io.tlscheck.testing.Issued;
import io.tlscheck.testing.TestCertificates;

class CertificateNotYetValidTest {
    private final Rule rule = new CertificateNotYetValid();

    private static Issued leafFrom(Instant notBefore) {
        return Contexts.leaf(NAME).validFor(notBefore, NOW.plus(days(90))).build();
    }

    @Test
    void firesForALeafBeforeItsNotBeforeWithHowLongToGo() {
        Finding finding = Contexts.finding(rule, Contexts.trusted(leafFrom(NOW.plus(days(3)))));

        assertThat(finding.message()).isEqualTo("certificate for valid.test is not valid until 2026-06-04 (in 3 days)");
    }

    @Test
    void firesOneSecondBeforeNotBeforeButNotAtIt() {
        Contexts.finding(rule, Contexts.trusted(leafFrom(NOW.plus(Duration.ofSeconds(1)))));
        Contexts.silent(rule, Contexts.trusted(leafFrom(NOW)));
        Contexts.silent(rule, Contexts.trusted(leafFrom(NOW.minus(Duration.ofSeconds(1)))));
    }

    @Test
    void firesForAnIntermediateThatIsNotValidYet() {
        Issued future = TestCertificates.ca("Future Intermediate").issuedBy(Contexts.root())
                .validFor(NOW.plus(days(2)), NOW.plus(days(1000))).build();
        Issued leaf = Contexts.leaf(NAME).issuedBy(future).build();

        Finding finding = Contexts.finding(rule, Contexts.served(leaf, future).trusting(Contexts.root()));

        assertThat(finding.message()).isEqualTo("issuing certificate for Future Intermediate is not valid until 2026-06-03 (in 2 days)");
    }

    @Test
    void silentForATrustAnchorThatIsNotValidYet() {
        Issued futureRoot = TestCertificates.ca("Future Root").validFor(NOW.plus(days(1)), NOW.plus(days(3000))).build();
        Issued leaf = Contexts.leaf(NAME).issuedBy(futureRoot).build();

        Contexts.silent(rule, Contexts.served(leaf, futureRoot).trusting(futureRoot));
    }

    @Test
    void silentWithoutCertificates() {
        Contexts.silent(rule, Contexts.served());
    }
}
