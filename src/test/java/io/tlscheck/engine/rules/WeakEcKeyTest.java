package io.tlscheck.engine.rules;

import static io.tlscheck.engine.rules.Contexts.NAME;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.tlscheck.engine.Expectations;
import io.tlscheck.engine.Finding;
import io.tlscheck.testing.Issued;
import io.tlscheck.testing.TestCertificates;

class WeakEcKeyTest {
    private final Rule rule = new WeakEcKey();
    private final Issued p256 = Contexts.leaf(NAME).ec(256).build();

    @Test
    void firesForASecp224r1LeafKey() {
        Finding finding = Contexts.finding(rule, Contexts.trusted(Contexts.leaf(NAME).ec(224).build()));

        assertThat(finding.message()).isEqualTo("certificate for valid.test has an EC 224-bit key; at least 256 bits are required");
    }

    @Test
    void silentForP256AndP384() {
        Contexts.silent(rule, Contexts.trusted(p256));
        Contexts.silent(rule, Contexts.trusted(Contexts.leaf(NAME).ec(384).build()));
    }

    @Test
    void theMinimumItselfPassesAndOneBitMoreFails() {
        Contexts.silent(rule, Contexts.trusted(p256).want(Expectations.DEFAULTS.withKeySizes(2048, 256)));
        Contexts.finding(rule, Contexts.trusted(p256).want(Expectations.DEFAULTS.withKeySizes(2048, 257)));
    }

    @Test
    void judgesIntermediatesButNotTheTrustAnchor() {
        Issued p256Root = TestCertificates.ca("P-256 Root").ec(256).build();
        Issued p256Intermediate = TestCertificates.ca("P-256 Intermediate").ec(256).issuedBy(p256Root).build();
        Issued p384Leaf = Contexts.leaf(NAME).ec(384).issuedBy(p256Intermediate).build();
        Expectations p384 = Expectations.DEFAULTS.withKeySizes(2048, 384);

        Finding finding = Contexts.finding(rule,
                Contexts.served(p384Leaf, p256Intermediate).trusting(p256Root).want(p384));
        assertThat(finding.message()).startsWith("issuing certificate for P-256 Intermediate has an EC 256-bit key");

        Issued p384LeafOfRoot = Contexts.leaf(NAME).ec(384).issuedBy(p256Root).build();
        Contexts.silent(rule, Contexts.served(p384LeafOfRoot, p256Root).trusting(p256Root).want(p384));
    }

    @Test
    void leavesRsaKeysToTheirOwnRule() {
        Contexts.silent(rule, Contexts.trusted(Contexts.leaf(NAME).rsa(1024).build()));
    }

    @Test
    void silentWithoutCertificates() {
        Contexts.silent(rule, Contexts.served());
    }
}
