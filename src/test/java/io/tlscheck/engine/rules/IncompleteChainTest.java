package io.tlscheck.engine.rules;

import static io.tlscheck.engine.rules.Contexts.NAME;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.tlscheck.engine.Finding;
import io.tlscheck.testing.Issued;
import io.tlscheck.testing.TestCertificates;

class IncompleteChainTest {
    private final Rule rule = new IncompleteChain();
    private final Issued leaf = Contexts.leaf(NAME).build();

    @Test
    void firesWhenTheIntermediateIsNotServedAndNamesIt() {
        Finding finding = Contexts.finding(rule, Contexts.served(leaf).trusting(Contexts.root()));

        assertThat(finding.message()).isEqualTo("chain for valid.test is incomplete: the issuer of the certificate, "
                + "\"CN=Test Intermediate,O=tlscheck tests\", was not served and is not a trusted anchor");
    }

    @Test
    void namesTheMissingCertificateHigherUpThePath() {
        Issued upper = Contexts.intermediateCa("Upper Intermediate").build();
        Issued lower = TestCertificates.ca("Lower Intermediate").issuedBy(upper).build();
        Issued leafOfLower = TestCertificates.leaf(NAME).issuedBy(lower).build();

        Finding finding = Contexts.finding(rule, Contexts.served(leafOfLower, lower).trusting(Contexts.root()));

        assertThat(finding.message()).contains("the issuer of \"Lower Intermediate\", "
                + "\"CN=Upper Intermediate,O=tlscheck tests\", was not served");
    }

    @Test
    void firesWhenAWrongIntermediateIsServed() {
        Issued wrong = Contexts.intermediateCa("Wrong Intermediate").build();

        Contexts.finding(rule, Contexts.served(leaf, wrong).trusting(Contexts.root()));
    }

    @Test
    void silentForACompleteChainAnUntrustedRootOrASelfSignedLeaf() {
        Contexts.silent(rule, Contexts.trusted(leaf));
        Contexts.silent(rule, Contexts.served(leaf, Contexts.intermediate(), Contexts.root()));
        Contexts.silent(rule, Contexts.served(TestCertificates.leaf(NAME).build()));
    }

    @Test
    void silentWhenTheLeafIssuerIsItselfTrusted() {
        Contexts.silent(rule, Contexts.served(leaf).trusting(Contexts.intermediate()));
    }

    @Test
    void silentWithoutCertificates() {
        Contexts.silent(rule, Contexts.served());
    }
}
