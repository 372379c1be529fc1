package io.tlscheck.engine.rules;

import static io.tlscheck.engine.rules.Contexts.NAME;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.tlscheck.engine.Finding;
import io.tlscheck.testing.Issued;
import io.tlscheck.testing.TestCertificates;

class IntermediateNotCaTest {
    private final Rule rule = new IntermediateNotCa();

    private static Contexts chain(Issued upper, Issued lower) {
        return Contexts.served(Contexts.leaf(NAME).issuedBy(lower).build(), lower, upper).trusting(Contexts.root());
    }

    @Test
    void firesWhenAnIntermediateIsNotACa() {
        Issued notCa = Contexts.intermediateCa("Leafy Intermediate").isCa(false).build();

        Finding finding = Contexts.finding(rule,
                Contexts.served(Contexts.leaf(NAME).issuedBy(notCa).build(), notCa).trusting(Contexts.root()));

        assertThat(finding.message()).isEqualTo("issuing certificate for Leafy Intermediate is not a CA "
                + "(no basicConstraints CA:TRUE), yet it issued \"valid.test\"");
    }

    @Test
    void firesWhenAnIntermediateHasNoBasicConstraints() {
        Issued bare = Contexts.intermediateCa("Bare Intermediate").withoutBasicConstraints().build();

        Contexts.finding(rule, Contexts.served(Contexts.leaf(NAME).issuedBy(bare).build(), bare).trusting(Contexts.root()));
    }

    @Test
    void firesWhenAPathLengthOfZeroHasAnIntermediateBelowIt() {
        Issued upper = Contexts.intermediateCa("Upper").pathLength(0).build();
        Issued lower = TestCertificates.ca("Lower").issuedBy(upper).build();

        Finding finding = Contexts.finding(rule, chain(upper, lower));

        assertThat(finding.message()).isEqualTo("issuing certificate for Upper allows 0 intermediate certificates "
                + "below it (pathLenConstraint), but 1 follows");
    }

    @Test
    void silentWhenThePathLengthAllowsTheChain() {
        Issued upper = Contexts.intermediateCa("Upper").pathLength(1).build();
        Issued lower = TestCertificates.ca("Lower").issuedBy(upper).pathLength(0).build();

        Contexts.silent(rule, chain(upper, lower));
        Contexts.silent(rule, Contexts.trusted(Contexts.leaf(NAME).build()));
    }

    @Test
    void silentForTheTrustAnchorWhateverItsConstraints() {
        Issued oddRoot = TestCertificates.ca("Odd Root").isCa(false).build();

        Contexts.silent(rule, Contexts.served(Contexts.leaf(NAME).issuedBy(oddRoot).build()).trusting(oddRoot));
        Contexts.silent(rule, Contexts.served());
    }
}
