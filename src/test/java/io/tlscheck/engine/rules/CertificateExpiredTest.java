package io.tlscheck.engine.rules;

import static io.tlscheck.engine.rules.Contexts.NAME;
import static io.tlscheck.engine.rules.Contexts.NOW;
import static io.tlscheck.engine.rules.Contexts.days;
import static io.tlscheck.engine.rules.Contexts.leafUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.tlscheck.engine.Finding;
import io.tlscheck.testing.Issued;
import io.tlscheck.testing.TestCertificates;

class CertificateExpiredTest {
    private final Rule rule = new CertificateExpired();

    @Test
    void firesForALeafPastItsNotAfterWithHowLongAgo() {
        Finding finding = Contexts.finding(rule, Contexts.trusted(leafUntil(NOW.minus(days(10)))));

        assertThat(finding.message()).isEqualTo("certificate for valid.test expired 10 days ago (2026-05-22)");
    }

    @Test
    void firesOneSecondAfterNotAfterButNotAtIt() {
        Contexts.finding(rule, Contexts.trusted(leafUntil(NOW.minus(Duration.ofSeconds(1)))));
        Contexts.silent(rule, Contexts.trusted(leafUntil(NOW)));
        Contexts.silent(rule, Contexts.trusted(leafUntil(NOW.plus(Duration.ofSeconds(1)))));
    }

    @Test
    void firesForAnExpiredIntermediate() {
        Issued old = TestCertificates.ca("Old Intermediate").issuedBy(Contexts.root())
                .validFor(NOW.minus(days(1000)), NOW.minus(days(1))).build();
        Issued leaf = Contexts.leaf(NAME).issuedBy(old).build();

        Finding finding = Contexts.finding(rule, Contexts.served(leaf, old).trusting(Contexts.root()));

        assertThat(finding.message()).startsWith("issuing certificate for Old Intermediate expired 1 day ago");
    }

    @Test
    void silentForAnExpiredTrustAnchorEvenWhenServed() {
        Issued expiredRoot = TestCertificates.ca("Expired Root")
                .validFor(NOW.minus(days(3000)), NOW.minus(days(1))).build();
        Issued leaf = Contexts.leaf(NAME).issuedBy(expiredRoot).build();

        Contexts.silent(rule, Contexts.served(leaf, expiredRoot).trusting(expiredRoot));
    }

    @Test
    void firesForAnExpiredLeafEvenWhenTheChainIsBroken() {
        Contexts.finding(rule, Contexts.served(leafUntil(NOW.minus(days(2)))));
    }

    @Test
    void silentWithoutCertificates() {
        Contexts.silent(rule, Contexts.served());
    }
}
