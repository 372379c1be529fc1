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
class CertificateExpiringCriticalTest {
    private static final Duration SECOND = Duration.ofSeconds(1);
    private final Rule rule = new CertificateExpiringCritical();

    @Test
    void firesInsideTheCriticalWindowWithDaysLeftAndDate() {
        Finding finding = Contexts.finding(rule, Contexts.trusted(leafUntil(NOW.plus(days(5)))));

        assertThat(finding.message()).isEqualTo("certificate for valid.test expires in 5 days (2026-06-06)");
    }

    @Test
    void theCriticalWindowIncludesItsEdge() {
        Contexts.finding(rule, Contexts.trusted(leafUntil(NOW.plus(days(7)))));
        Contexts.silent(rule, Contexts.trusted(leafUntil(NOW.plus(days(7)).plus(SECOND))));
    }

    @Test
    void firesUpToTheLastMomentButNotAfterExpiry() {
        Contexts.finding(rule, Contexts.trusted(leafUntil(NOW)));
        Contexts.silent(rule, Contexts.trusted(leafUntil(NOW.minus(SECOND))));
    }

    @Test
    void followsTheConfiguredWindow() {
        Expectations wider = Expectations.DEFAULTS.withExpiryWindows(days(60), days(14));
        Issued leaf = leafUntil(NOW.plus(days(10)));

        Contexts.finding(rule, Contexts.trusted(leaf).want(wider));
        Contexts.silent(rule, Contexts.trusted(leaf));
    }

    @Test
    void reportsTheCriticalLeafWhileTheWarningRuleReportsTheIntermediate() {
        Issued intermediate = TestCertificates.ca("Renewing Intermediate").issuedBy(Contexts.root())
                .validFor(NOW.minus(days(1000)), NOW.plus(days(20))).build();
        Issued leaf = TestCertificates.leaf(NAME).issuedBy(intermediate)
                .validFor(NOW.minus(days(30)), NOW.plus(days(3))).build();
        Contexts context = Contexts.served(leaf, intermediate).trusting(Contexts.root());

        assertThat(Contexts.finding(rule, context).message()).startsWith("certificate for valid.test expires in 3 days");
        assertThat(Contexts.finding(new CertificateExpiringSoon(), context).message())
                .startsWith("issuing certificate for Renewing Intermediate expires in 20 days");
    }

    @Test
    void silentWithoutCertificates() {
        Contexts.silent(rule, Contexts.served());
    }
}
