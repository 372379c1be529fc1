package io.tlscheck.engine.rules;

import static io.tlscheck.engine.rules.Contexts.NAME;
import static io.tlscheck.engine.rules.Contexts.NOW;
import static io.tlscheck.engine.rules.Contexts.days;
import static io.tlscheck.engine.rules.Contexts.leafUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.tlscheck.engine.Expectations;
import io.tlscheck.engine.Finding;
import io.tlscheck.testing.Issued;
import io.tlscheck.testing.TestCertificates;

/** Default windows: warning 30 days, critical 7 days. */
class CertificateExpiringSoonTest {
    private static final Duration SECOND = Duration.ofSeconds(1);
    private final Rule rule = new CertificateExpiringSoon();

    @Test
    void firesInsideTheWarningWindowWithDaysLeftAndDate() {
        Finding finding = Contexts.finding(rule, Contexts.trusted(leafUntil(NOW.plus(days(20)))));

        assertThat(finding.message()).isEqualTo("certificate for valid.test expires in 20 days (2026-06-21)");
    }

    @Test
    void theWarningWindowIncludesItsEdge() {
        Contexts.finding(rule, Contexts.trusted(leafUntil(NOW.plus(days(30)))));
        Contexts.silent(rule, Contexts.trusted(leafUntil(NOW.plus(days(30)).plus(SECOND))));
    }

    @Test
    void leavesTheCriticalWindowToTheFailingRule() {
        Contexts.finding(rule, Contexts.trusted(leafUntil(NOW.plus(days(7)).plus(SECOND))));
        Contexts.silent(rule, Contexts.trusted(leafUntil(NOW.plus(days(7)))));
        Contexts.silent(rule, Contexts.trusted(leafUntil(NOW.plus(days(1)))));
    }

    @Test
    void silentForAnExpiredCertificateWhichHasItsOwnRule() {
        Contexts.silent(rule, Contexts.trusted(leafUntil(NOW.minus(SECOND))));
    }

    @Test
    void followsTheConfiguredWindows() {
        Expectations wider = Expectations.DEFAULTS.withExpiryWindows(days(60), days(14));
        Issued leaf = leafUntil(NOW.plus(days(45)));

        Contexts.finding(rule, Contexts.trusted(leaf).want(wider));
        Contexts.silent(rule, Contexts.trusted(leaf));
    }

    @Test
    void namesTheCertificateThatExpiresFirst() {
        Issued shortLived = TestCertificates.ca("Short Intermediate").issuedBy(Contexts.root())
                .validFor(NOW.minus(days(1000)), NOW.plus(days(10))).build();
        Issued leaf = Contexts.leaf(NAME).issuedBy(shortLived).build();

        Finding finding = Contexts.finding(rule, Contexts.served(leaf, shortLived).trusting(Contexts.root()));

        assertThat(finding.message()).isEqualTo("issuing certificate for Short Intermediate expires in 10 days (2026-06-11)");
    }

    @Test
    void silentForATrustAnchorThatExpiresSoon() {
        Issued oldRoot = TestCertificates.ca("Old Root").validFor(NOW.minus(days(3000)), NOW.plus(days(10))).build();
        Issued leaf = Contexts.leaf(NAME).issuedBy(oldRoot).build();

        Contexts.silent(rule, Contexts.served(leaf, oldRoot).trusting(oldRoot));
    }

    @Test
    void silentWithoutCertificates() {
        Contexts.silent(rule, Contexts.served());
    }
}
