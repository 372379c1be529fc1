package io.tlscheck.engine.rules;

import static io.tlscheck.engine.rules.Contexts.NAME;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.tlscheck.engine.Expectations;
import io.tlscheck.engine.Finding;
import io.tlscheck.engine.RevocationMode;
import io.tlscheck.engine.revocation.RevocationResult;
import io.tlscheck.engine.revocation.RevocationState;
import io.tlscheck.testing.Issued;

class RevocationUnknownTest {
    private static final Expectations OCSP = Expectations.DEFAULTS.withRevocation(RevocationMode.OCSP);
    private final Rule rule = new RevocationUnknown();
    private final Issued leaf = Contexts.leaf(NAME).build();

    private RevocationResult leafIs(RevocationState state) {
        return new RevocationResult(leaf.certificate(), state, "OCSP", null, "responder unreachable");
    }

    @Test
    void firesWhenTheLeafsStatusIsUnknownAndSaysWhy() {
        Finding finding = Contexts.finding(rule, Contexts.trusted(leaf).want(OCSP).revocation(leafIs(RevocationState.UNKNOWN)));

        assertThat(finding.message())
                .isEqualTo("revocation status of certificate for valid.test is unknown (OCSP: responder unreachable)");
    }

    @Test
    void countsTheOtherCertificatesWhoseStatusIsUnknown() {
        var intermediate = new RevocationResult(Contexts.intermediate().certificate(), RevocationState.UNKNOWN, "CRL",
                null, null);

        Finding finding = Contexts.finding(rule, Contexts.trusted(leaf).want(Expectations.DEFAULTS
                .withRevocation(RevocationMode.CRL)).revocation(intermediate, leafIs(RevocationState.UNKNOWN)));

        assertThat(finding.message()).isEqualTo("revocation status of issuing certificate for Test Intermediate "
                + "is unknown (CRL), and of 1 more certificate");
    }

    @Test
    void silentWhenEveryStatusIsKnown() {
        Contexts.silent(rule, Contexts.trusted(leaf).want(OCSP).revocation(leafIs(RevocationState.GOOD)));
        Contexts.silent(rule, Contexts.trusted(leaf).want(OCSP).revocation(leafIs(RevocationState.REVOKED)));
    }

    @Test
    void silentWhenRevocationWasNotAskedFor() {
        Contexts.silent(rule, Contexts.trusted(leaf).revocation(leafIs(RevocationState.UNKNOWN)));
        Contexts.silent(rule, Contexts.trusted(leaf));
    }
}
