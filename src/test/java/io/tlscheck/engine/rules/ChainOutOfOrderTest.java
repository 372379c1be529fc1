package io.tlscheck.engine.rules;

import static io.tlscheck.engine.rules.Contexts.NAME;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.tlscheck.engine.Finding;
import io.tlscheck.testing.Issued;
import io.tlscheck.testing.TestCertificates;

class ChainOutOfOrderTest {
    private final Rule rule = new ChainOutOfOrder();
    private final Issued leaf = Contexts.leaf(NAME).build();

    @Test
    void firesWhenTheRootIsServedBeforeTheIntermediate() {
        Finding finding = Contexts.finding(rule,
                Contexts.served(leaf, Contexts.root(), Contexts.intermediate()).trusting(Contexts.root()));

        assertThat(finding.message()).isEqualTo("chain for valid.test was served as valid.test, Test Root, "
                + "Test Intermediate; issuing order is valid.test, Test Intermediate, Test Root");
    }

    @Test
    void firesWhenIntermediatesAreSwapped() {
        Issued upper = Contexts.intermediateCa("Upper Intermediate").build();
        Issued lower = TestCertificates.ca("Lower Intermediate").issuedBy(upper).build();
        Issued leafOfLower = TestCertificates.leaf(NAME).issuedBy(lower).build();

        Contexts.finding(rule, Contexts.served(leafOfLower, upper, lower).trusting(Contexts.root()));
        Contexts.silent(rule, Contexts.served(leafOfLower, lower, upper).trusting(Contexts.root()));
    }

    @Test
    void firesForAShuffledChainEndingAtAnUntrustedRoot() {
        Contexts.finding(rule, Contexts.served(leaf, Contexts.root(), Contexts.intermediate()));
    }

    @Test
    void silentWhenServedInOrderWithOrWithoutTheRoot() {
        Contexts.silent(rule, Contexts.trusted(leaf));
        Contexts.silent(rule, Contexts.served(leaf, Contexts.intermediate(), Contexts.root()).trusting(Contexts.root()));
    }

    @Test
    void silentWhenNoPathToARootWasFound() {
        Issued other = Contexts.intermediateCa("Other Intermediate").build();

        Contexts.silent(rule, Contexts.served(leaf, other).trusting(Contexts.root()));
        Contexts.silent(rule, Contexts.served());
    }
}
