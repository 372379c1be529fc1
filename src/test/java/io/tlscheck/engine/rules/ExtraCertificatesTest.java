package io.tlscheck.engine.rules;

import static io.tlscheck.engine.rules.Contexts.NAME;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tlscheck.engine.Finding;
import io.tlscheck.testing.Issued;
import io.tlscheck.testing.TestCertificates;

class ExtraCertificatesTest {
    private final Rule rule = new ExtraCertificates();
    private final Issued leaf = Contexts.leaf(NAME).build();

    @Test
    void firesForACertificateThatIsNotOnThePathAndNamesIt() {
        Issued stray = TestCertificates.ca("Stray CA").build();

        Finding finding = Contexts.finding(rule,
                Contexts.served(leaf, Contexts.intermediate(), stray).trusting(Contexts.root()));

        assertThat(finding.message()).isEqualTo("chain for valid.test includes 1 certificate not on its path: \"Stray CA\"");
    }

    @Test
    void listsAtMostFiveStrayCertificates() {
        List<Issued> served = new ArrayList<>(List.of(leaf, Contexts.intermediate()));
        for (int i = 1; i <= 7; i++) {
            served.add(TestCertificates.ca("Stray " + i).build());
        }

        Finding finding = Contexts.finding(rule, Contexts.served(served.toArray(Issued[]::new)).trusting(Contexts.root()));

        assertThat(finding.message()).endsWith("includes 7 certificates not on its path: "
                + "\"Stray 1\", \"Stray 2\", \"Stray 3\", \"Stray 4\", \"Stray 5\" and 2 more");
    }

    @Test
    void silentWhenOnlyThePathAndTheTrustedRootAreServed() {
        Contexts.silent(rule, Contexts.trusted(leaf));
        Contexts.silent(rule, Contexts.served(leaf, Contexts.intermediate(), Contexts.root()).trusting(Contexts.root()));
    }

    @Test
    void silentForAnUntrustedRootWhichIsOnThePath() {
        Contexts.silent(rule, Contexts.served(leaf, Contexts.intermediate(), Contexts.root()));
    }

    @Test
    void silentWithoutCertificates() {
        Contexts.silent(rule, Contexts.served());
    }
}
