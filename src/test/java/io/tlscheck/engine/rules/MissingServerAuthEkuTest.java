package io.tlscheck.engine.rules;

import static io.tlscheck.engine.rules.Contexts.NAME;
import static org.assertj.core.api.Assertions.assertThat;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.Test;

import io.tlscheck.engine.Finding;

class MissingServerAuthEkuTest {
    private final Rule rule = new MissingServerAuthEku();

    private static Contexts leafFor(KeyPurposeId... purposes) {
        return Contexts.trusted(Contexts.leaf(NAME).extendedKeyUsage(purposes).build());
    }

    @Test
    void firesForAClientOnlyCertificateAndNamesItsPurposes() {
        Finding finding = Contexts.finding(rule, leafFor(KeyPurposeId.id_kp_clientAuth, KeyPurposeId.id_kp_codeSigning));

        assertThat(finding.message()).isEqualTo("certificate for valid.test is not for TLS servers: its extended key "
                + "usage lists clientAuth, codeSigning, not serverAuth");
    }

    @Test
    void namesUnknownPurposesByTheirOid() {
        Finding finding = Contexts.finding(rule, leafFor(KeyPurposeId.getInstance(new ASN1ObjectIdentifier("1.2.3.4"))));

        assertThat(finding.message()).contains("lists 1.2.3.4, not serverAuth");
    }

    @Test
    void silentWithServerAuthOrAnyExtendedKeyUsage() {
        Contexts.silent(rule, leafFor(KeyPurposeId.id_kp_serverAuth));
        Contexts.silent(rule, leafFor(KeyPurposeId.id_kp_clientAuth, KeyPurposeId.id_kp_serverAuth));
        Contexts.silent(rule, leafFor(KeyPurposeId.anyExtendedKeyUsage));
    }

    @Test
    void silentWithoutAnExtendedKeyUsageWhichHasItsOwnRule() {
        Contexts.silent(rule, Contexts.trusted(Contexts.leaf(NAME).noExtendedKeyUsage().build()));
    }

    @Test
    void silentWithoutCertificates() {
        Contexts.silent(rule, Contexts.served());
    }
}
