package io.tlscheck.engine.rules;

import static io.tlscheck.engine.rules.Contexts.NAME;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.tlscheck.engine.Finding;
import io.tlscheck.testing.Issued;
import io.tlscheck.testing.TestCertificates;

class SelfSignedCertificateTest {
    private final Rule rule = new SelfSignedCertificate();
    private final Issued selfSigned = TestCertificates.leaf(NAME).build();

    @Test
    void firesForASelfSignedLeafThatIsNotTrusted() {
        Finding finding = Contexts.finding(rule, Contexts.served(selfSigned).trusting(Contexts.root()));

        assertThat(finding.message()).isEqualTo("certificate for valid.test is self-signed and not a trusted anchor");
    }

    @Test
    void silentWhenTheSelfSignedLeafIsItselfTrusted() {
        Contexts.silent(rule, Contexts.served(selfSigned).trusting(selfSigned));
    }

    @Test
    void silentForIssuedLeavesWhateverTheirChain() {
        Issued leaf = Contexts.leaf(NAME).build();

        Contexts.silent(rule, Contexts.trusted(leaf));
        Contexts.silent(rule, Contexts.served(leaf));
        Contexts.silent(rule, Contexts.served(leaf, Contexts.intermediate(), Contexts.root()));
    }

    @Test
    void silentWithoutCertificates() {
        Contexts.silent(rule, Contexts.served());
    }
}
