package io.tlscheck.engine.rules;

import static io.tlscheck.engine.rules.Contexts.NAME;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.tlscheck.engine.Finding;
import io.tlscheck.testing.Issued;
import io.tlscheck.testing.TestCertificates;

class ChainUntrustedTest {
    private final Rule rule = new ChainUntrusted();
    private final Issued leaf = Contexts.leaf(NAME).build();

    @Test
    void firesWhenThePathEndsAtARootThatIsNotTrusted() {
        Finding finding = Contexts.finding(rule, Contexts.served(leaf, Contexts.intermediate(), Contexts.root()));

        assertThat(finding.message()).isEqualTo("chain for valid.test ends at root \"CN=Test Root,O=tlscheck tests\", "
                + "which is not a trusted anchor");
    }

    @Test
    void firesWhenAnotherRootIsTrusted() {
        Issued otherRoot = TestCertificates.ca("Other Root").build();

        Contexts.finding(rule, Contexts.served(leaf, Contexts.intermediate(), Contexts.root()).trusting(otherRoot));
    }

    @Test
    void silentWhenTheRootIsTrusted() {
        Contexts.silent(rule, Contexts.trusted(leaf));
        Contexts.silent(rule, Contexts.served(leaf, Contexts.intermediate(), Contexts.root()).trusting(Contexts.root()));
    }

    @Test
    void silentForAMissingIntermediateOrASelfSignedLeaf() {
        Contexts.silent(rule, Contexts.served(leaf));
        Contexts.silent(rule, Contexts.served(TestCertificates.leaf(NAME).build()));
    }

    @Test
    void silentWithoutCertificates() {
        Contexts.silent(rule, Contexts.served());
    }
}
