package io.tlscheck.engine.rules;

import static io.tlscheck.engine.rules.Contexts.NAME;
import static org.assertj.core.api.Assertions.assertThat;

import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.Test;

import io.tlscheck.engine.Finding;

class MissingExtendedKeyUsageTest {
    private final Rule rule = new MissingExtendedKeyUsage();

    @Test
    void firesForALeafWithoutExtendedKeyUsage() {
        Finding finding = Contexts.finding(rule, Contexts.trusted(Contexts.leaf(NAME).noExtendedKeyUsage().build()));

        assertThat(finding.message())
                .isEqualTo("certificate for valid.test has no extended key usage extension; serverAuth is expected");
    }

    @Test
    void silentWhenTheLeafHasTheExtensionWhateverItLists() {
        // The shared intermediate, like most CA certificates, has no EKU: only the leaf is judged.
        Contexts.silent(rule, Contexts.trusted(Contexts.leaf(NAME).build()));
        Contexts.silent(rule, Contexts.trusted(Contexts.leaf(NAME).extendedKeyUsage(KeyPurposeId.id_kp_clientAuth).build()));
    }

    @Test
    void silentWithoutCertificates() {
        Contexts.silent(rule, Contexts.served());
    }
}
