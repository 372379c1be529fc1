package io.tlscheck.engine.rules;

import static io.tlscheck.engine.rules.Contexts.NAME;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.tlscheck.engine.Expectations;
import io.tlscheck.engine.Finding;
import io.tlscheck.testing.Issued;
import io.tlscheck.testing.TestCertificates;

class WeakRsaKeyTest {
    private final Rule rule = new WeakRsaKey();
    private final Issued rsa2048 = Contexts.leaf(NAME).rsa(2048).build();

    @Test
    void firesForA1024BitLeafKey() {
        Finding finding = Contexts.finding(rule, Contexts.trusted(Contexts.leaf(NAME).rsa(1024).build()));

        assertThat(finding.message()).isEqualTo("certificate for valid.test has an RSA 1024-bit key; at least 2048 bits are required");
    }

    @Test
    void silentForA2048BitKey() {
        Contexts.silent(rule, Contexts.trusted(rsa2048));
    }

    @Test
    void theMinimumItselfPassesAndOneBitMoreFails() {
        Contexts.silent(rule, Contexts.trusted(rsa2048).want(Expectations.DEFAULTS.withKeySizes(2048, 256)));
        Contexts.finding(rule, Contexts.trusted(rsa2048).want(Expectations.DEFAULTS.withKeySizes(2049, 256)));
    }

    @Test
    void firesForAWeakIntermediate() {
        Issued weak = Contexts.intermediateCa("Weak Intermediate").rsa(1024).build();

        Finding finding = Contexts.finding(rule,
                Contexts.served(Contexts.leaf(NAME).issuedBy(weak).build(), weak).trusting(Contexts.root()));

        assertThat(finding.message()).startsWith("issuing certificate for Weak Intermediate has an RSA 1024-bit key");
    }

    @Test
    void silentForAWeakTrustAnchor() {
        Issued weakRoot = TestCertificates.ca("Weak Root").rsa(1024).build();

        Contexts.silent(rule, Contexts.served(Contexts.leaf(NAME).issuedBy(weakRoot).build(), weakRoot).trusting(weakRoot));
    }

    @Test
    void leavesEcKeysToTheirOwnRule() {
        Contexts.silent(rule, Contexts.trusted(Contexts.leaf(NAME).ec(224).build()));
    }

    @Test
    void silentWithoutCertificates() {
        Contexts.silent(rule, Contexts.served());
    }
}
