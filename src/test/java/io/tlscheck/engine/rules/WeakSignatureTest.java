package io.tlscheck.engine.rules;

import static io.tlscheck.engine.rules.Contexts.NAME;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

import io.tlscheck.engine.Expectations;
import io.tlscheck.engine.Finding;
import io.tlscheck.testing.Issued;
import io.tlscheck.testing.TestCertificates;

class WeakSignatureTest {
    private final Rule rule = new WeakSignature();
    private final Issued sha1Leaf = Contexts.leaf(NAME).signatureAlgorithm("SHA1withRSA").build();

    @Test
    void firesForASha1SignedLeaf() {
        Finding finding = Contexts.finding(rule, Contexts.trusted(sha1Leaf));

        assertThat(finding.message())
                .isEqualTo("certificate for valid.test is signed with SHA1withRSA, and SHA1 signatures are forbidden");
    }

    @Test
    void firesForAnMd5SignedLeaf() {
        Contexts.finding(rule, Contexts.trusted(Contexts.leaf(NAME).signatureAlgorithm("MD5withRSA").build()));
    }

    @Test
    void silentForSha256AndStronger() {
        Contexts.silent(rule, Contexts.trusted(Contexts.leaf(NAME).build()));
        Contexts.silent(rule, Contexts.trusted(Contexts.leaf(NAME).signatureAlgorithm("SHA384withRSA").build()));
    }

    @Test
    void firesForASha1SignedIntermediate() {
        Issued sha1Intermediate = Contexts.intermediateCa("SHA-1 Intermediate").signatureAlgorithm("SHA1withRSA").build();

        Finding finding = Contexts.finding(rule, Contexts.served(Contexts.leaf(NAME).issuedBy(sha1Intermediate).build(),
                sha1Intermediate).trusting(Contexts.root()));

        assertThat(finding.message()).startsWith("issuing certificate for SHA-1 Intermediate is signed with SHA1withRSA");
    }

    @Test
    void silentForTheTrustAnchorsOwnSignatureEvenWhenServed() {
        Issued sha1Root = TestCertificates.ca("SHA-1 Root").signatureAlgorithm("SHA1withRSA").build();
        Issued leaf = Contexts.leaf(NAME).issuedBy(sha1Root).build();

        Contexts.silent(rule, Contexts.served(leaf, sha1Root).trusting(sha1Root));
        Contexts.silent(rule, Contexts.served(leaf).trusting(sha1Root));
    }

    @Test
    void firesForARootThatIsNotATrustAnchor() {
        Issued sha1Root = TestCertificates.ca("SHA-1 Root").signatureAlgorithm("SHA1withRSA").build();

        Contexts.finding(rule, Contexts.served(Contexts.leaf(NAME).issuedBy(sha1Root).build(), sha1Root));
    }

    @Test
    void silentForASelfSignedLeafTrustedAsItsOwnAnchor() {
        Issued pinned = TestCertificates.leaf(NAME).signatureAlgorithm("SHA1withRSA").build();

        Contexts.silent(rule, Contexts.served(pinned).trusting(pinned));
        Contexts.finding(rule, Contexts.served(pinned));
    }

    @Test
    void followsTheConfiguredHashesWhateverTheirSpelling() {
        Contexts.finding(rule, Contexts.trusted(sha1Leaf).want(Expectations.DEFAULTS.withForbiddenSignatureHashes(Set.of("sha-1"))));
        Contexts.silent(rule, Contexts.trusted(sha1Leaf).want(Expectations.DEFAULTS.withForbiddenSignatureHashes(Set.of("MD5"))));
        Contexts.finding(rule, Contexts.trusted(Contexts.leaf(NAME).build())
                .want(Expectations.DEFAULTS.withForbiddenSignatureHashes(Set.of("SHA256"))));
    }

    @Test
    void silentWithoutCertificates() {
        Contexts.silent(rule, Contexts.served());
    }
}
