package io.tlscheck.engine.rules;

import static io.tlscheck.engine.rules.Contexts.NAME;
import static io.tlscheck.engine.rules.Contexts.NOW;
import static io.tlscheck.engine.rules.Contexts.days;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.tlscheck.engine.Expectations;
import io.tlscheck.engine.Finding;
import io.tlscheck.engine.RevocationMode;
import io.tlscheck.engine.revocation.RevocationResult;
import io.tlscheck.engine.revocation.RevocationState;
import io.tlscheck.testing.Issued;

class CertificateRevokedTest {
    private static final Expectations OCSP = Expectations.DEFAULTS.withRevocation(RevocationMode.OCSP);
    private final Rule rule = new CertificateRevoked();
    private final Issued leaf = Contexts.leaf(NAME).build();

    private RevocationResult leafIs(RevocationState state) {
        return new RevocationResult(leaf.certificate(), state, "OCSP", null, null);
    }

    @Test
    void firesForARevokedLeafWithWhenWhyAndWhoSaidSo() {
        var revoked = new RevocationResult(leaf.certificate(), RevocationState.REVOKED, "OCSP", NOW.minus(days(12)),
                "keyCompromise");

        Finding finding = Contexts.finding(rule, Contexts.trusted(leaf).want(OCSP).revocation(revoked));

        assertThat(finding.message())
                .isEqualTo("certificate for valid.test was revoked on 2026-05-20 (keyCompromise), according to OCSP");
    }

    @Test
    void firesForARevokedIntermediateEvenWithoutDetails() {
        var revoked = new RevocationResult(Contexts.intermediate().certificate(), RevocationState.REVOKED, null, null, null);

        Finding finding = Contexts.finding(rule,
                Contexts.trusted(leaf).want(OCSP).revocation(leafIs(RevocationState.GOOD), revoked));

        assertThat(finding.message()).isEqualTo("issuing certificate for Test Intermediate was revoked, according to the CA");
    }

    @Test
    void silentForGoodOrUnknownStatus() {
        Contexts.silent(rule, Contexts.trusted(leaf).want(OCSP).revocation(leafIs(RevocationState.GOOD)));
        Contexts.silent(rule, Contexts.trusted(leaf).want(OCSP).revocation(leafIs(RevocationState.UNKNOWN)));
    }

    @Test
    void silentWhenRevocationWasNotChecked() {
        Contexts.silent(rule, Contexts.trusted(leaf));
    }
}
