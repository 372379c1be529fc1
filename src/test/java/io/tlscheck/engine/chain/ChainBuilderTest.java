package io.tlscheck.engine.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.tlscheck.engine.TrustAnchors;
import io.tlscheck.testing.Issued;
import io.tlscheck.testing.TestCertificates;

class ChainBuilderTest {
    private static Issued root;
    private static Issued intermediate;
    private static Issued leaf;
    private static ChainBuilder trustingRoot;

    @BeforeAll
    static void pki() {
        root = TestCertificates.ca("Chain Root").build();
        intermediate = TestCertificates.ca("Chain Intermediate").issuedBy(root).build();
        leaf = TestCertificates.leaf("chain.test").issuedBy(intermediate).build();
        trustingRoot = new ChainBuilder(TrustAnchors.of(false, List.of(root.certificate())));
    }

    @Test
    void inOrderChainIsTrusted() {
        ChainPath path = trustingRoot.build(List.of(leaf.certificate(), intermediate.certificate()));

        assertThat(path.outcome()).isEqualTo(ChainOutcome.TRUSTED);
        assertThat(path.certificates()).containsExactly(leaf.certificate(), intermediate.certificate());
        assertThat(path.anchor()).isEqualTo(root.certificate());
        assertThat(path.servedInOrder()).isTrue();
        assertThat(path.unused()).isEmpty();
    }

    @Test
    void servedRootIsNeitherExtraNorOutOfOrder() {
        ChainPath path = trustingRoot.build(List.of(leaf.certificate(), intermediate.certificate(), root.certificate()));

        assertThat(path.trusted()).isTrue();
        assertThat(path.unused()).isEmpty();
        assertThat(path.servedInOrder()).isTrue();
    }

    @Test
    void outOfOrderChainIsStillBuiltButFlagged() {
        ChainPath path = trustingRoot.build(List.of(leaf.certificate(), root.certificate(), intermediate.certificate()));

        assertThat(path.trusted()).isTrue();
        assertThat(path.certificates()).containsExactly(leaf.certificate(), intermediate.certificate());
        assertThat(path.servedInOrder()).isFalse();
    }

    @Test
    void extraCertificatesAreReported() {
        X509Certificate stranger = TestCertificates.ca("Stranger").build().certificate();
        ChainPath path = trustingRoot.build(List.of(leaf.certificate(), intermediate.certificate(), stranger));

        assertThat(path.trusted()).isTrue();
        assertThat(path.unused()).containsExactly(stranger);
    }

    @Test
    void missingIntermediateIsIncomplete() {
        ChainPath path = trustingRoot.build(List.of(leaf.certificate()));

        assertThat(path.outcome()).isEqualTo(ChainOutcome.INCOMPLETE);
        assertThat(path.top()).isEqualTo(leaf.certificate());
    }

    @Test
    void rootThatIsNotAnAnchorIsUntrusted() {
        ChainBuilder trustingNothing = new ChainBuilder(TrustAnchors.of(false, List.of()));
        ChainPath path = trustingNothing.build(List.of(leaf.certificate(), intermediate.certificate(), root.certificate()));

        assertThat(path.outcome()).isEqualTo(ChainOutcome.UNTRUSTED_ROOT);
        assertThat(path.top()).isEqualTo(root.certificate());
    }

    @Test
    void selfSignedLeafIsToldApart() {
        Issued self = TestCertificates.leaf("self.test").build();
        ChainPath path = trustingRoot.build(List.of(self.certificate()));

        assertThat(path.outcome()).isEqualTo(ChainOutcome.SELF_SIGNED_LEAF);
    }

    @Test
    void selfSignedLeafThatIsAnAnchorIsTrusted() {
        Issued self = TestCertificates.leaf("pinned.test").build();
        ChainPath path = new ChainBuilder(TrustAnchors.of(false, List.of(self.certificate())))
                .build(List.of(self.certificate()));

        assertThat(path.trusted()).isTrue();
        assertThat(path.nonAnchorCertificates()).isEmpty();
    }

    @Test
    void sameNameDifferentKeyIsNotAnIssuer() {
        Issued impostor = TestCertificates.ca("Chain Intermediate").issuedBy(root).freshKey().build();
        ChainPath path = trustingRoot.build(List.of(leaf.certificate(), impostor.certificate()));

        assertThat(path.outcome()).isEqualTo(ChainOutcome.INCOMPLETE);
        assertThat(path.unused()).containsExactly(impostor.certificate());
    }

    @Test
    void crossSignedAlternativeIsFoundByBacktracking() {
        Issued otherRoot = TestCertificates.ca("Other Root").build();
        Issued crossSigned = TestCertificates.ca("Chain Intermediate").issuedBy(otherRoot)
                .keyPair(intermediate.keyPair()).build();
        // The first candidate leads to an untrusted root; the second to the anchor.
        ChainPath path = trustingRoot.build(List.of(leaf.certificate(), crossSigned.certificate(),
                otherRoot.certificate(), intermediate.certificate()));

        assertThat(path.trusted()).isTrue();
        assertThat(path.certificates()).containsExactly(leaf.certificate(), intermediate.certificate());
    }

    @Test
    void emptyChain() {
        assertThat(trustingRoot.build(List.of()).outcome()).isEqualTo(ChainOutcome.NO_CERTIFICATE);
    }
}
