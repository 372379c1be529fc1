package io.tlscheck.engine.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.Test;

import io.tlscheck.engine.Deadline;
import io.tlscheck.engine.RevocationMode;
import io.tlscheck.engine.chain.ChainOutcome;
import io.tlscheck.engine.chain.ChainPath;
import io.tlscheck.testing.Issued;
import io.tlscheck.testing.RevocationServer;
import io.tlscheck.testing.RevocationServer.Behaviour;
import io.tlscheck.testing.TestCertificates;
import io.tlscheck.testing.TestCrlServer;
import io.tlscheck.testing.TestOcspResponder;

/** Against a real OCSP responder and CRL server on 127.0.0.1. */
class HttpRevocationCheckerTest {
    private static final Issued CA = TestCertificates.ca("Revocation Test CA").build();
    /** Another CA with its own key: what signs answers it has no business signing. */
    private static final Issued MALLORY = TestCertificates.ca("Mallory CA").ec(256).freshKey().build();

    private final HttpRevocationChecker checker = new HttpRevocationChecker();

    @Test
    void ocspGood() {
        try (TestOcspResponder ocsp = TestOcspResponder.start(CA)) {
            Issued leaf = leaf().ocspResponder(ocsp.url()).build();

            RevocationResult result = checkLeaf(leaf, RevocationMode.OCSP);

            assertThat(result.state()).isEqualTo(RevocationState.GOOD);
            assertThat(result.source()).isEqualTo("OCSP");
            assertThat(result.certificate()).isEqualTo(leaf.certificate());
            assertThat(ocsp.requests()).isEqualTo(1);
        }
    }

    @Test
    void ocspRevokedWithReasonAndTime() {
        try (TestOcspResponder ocsp = TestOcspResponder.start(CA)) {
            Issued leaf = leaf().ocspResponder(ocsp.url()).build();
            ocsp.revoke(leaf.certificate(), CRLReason.keyCompromise);

            RevocationResult result = checkLeaf(leaf, RevocationMode.OCSP);

            assertThat(result.state()).isEqualTo(RevocationState.REVOKED);
            assertThat(result.source()).isEqualTo("OCSP");
            assertThat(result.detail()).isEqualTo("keyCompromise");
            assertThat(result.revokedAt()).isNotNull();
        }
    }

    @Test
    void longRequestUrlIsPosted() {
        try (TestOcspResponder ocsp = TestOcspResponder.start(CA)) {
            // Past RFC 5019's 255 bytes as a GET URL; the test responder ignores the path of a POST.
            Issued leaf = leaf().ocspResponder(ocsp.url() + "/" + "p".repeat(200)).build();

            assertThat(checkLeaf(leaf, RevocationMode.OCSP).state()).isEqualTo(RevocationState.GOOD);
        }
    }

    @Test
    void crlFallbackWhenTheResponderFails() {
        try (TestOcspResponder ocsp = TestOcspResponder.start(CA); TestCrlServer crl = TestCrlServer.start(CA)) {
            ocsp.behave(Behaviour.HTTP_ERROR);
            Issued leaf = leaf().ocspResponder(ocsp.url()).crlDistributionPoint(crl.url()).build();
            crl.revoke(leaf.certificate(), CRLReason.superseded);

            RevocationResult result = checkLeaf(leaf, RevocationMode.OCSP);

            assertThat(result.state()).isEqualTo(RevocationState.REVOKED);
            assertThat(result.source()).isEqualTo("CRL");
            assertThat(result.detail()).isEqualTo("superseded");
            assertThat(result.revokedAt()).isNotNull();
        }
    }

    @Test
    void crlFallbackWhenTheResponderIsDown() {
        TestOcspResponder gone = TestOcspResponder.start(CA);
        String url = gone.url();
        gone.close();
        try (TestCrlServer crl = TestCrlServer.start(CA)) {
            Issued leaf = leaf().ocspResponder(url).crlDistributionPoint(crl.url()).build();

            RevocationResult result = checkLeaf(leaf, RevocationMode.OCSP);

            assertThat(result.state()).isEqualTo(RevocationState.GOOD);
            assertThat(result.source()).isEqualTo("CRL");
        }
    }

    @Test
    void bothFailingTellsEveryReason() {
        try (TestOcspResponder ocsp = TestOcspResponder.start(CA); TestCrlServer crl = TestCrlServer.start(CA)) {
            ocsp.behave(Behaviour.HTTP_ERROR);
            crl.behave(Behaviour.HTTP_ERROR);
            Issued leaf = leaf().ocspResponder(ocsp.url()).crlDistributionPoint(crl.url()).build();

            RevocationResult result = checkLeaf(leaf, RevocationMode.OCSP);

            assertThat(result.state()).isEqualTo(RevocationState.UNKNOWN);
            assertThat(result.source()).isEqualTo("CRL");
            assertThat(result.detail()).isEqualTo("OCSP responder " + ocsp.url() + " answered HTTP 500; CRL "
                    + crl.url() + " answered HTTP 500");
        }
    }

    @Test
    void stapledResponseIsUsedWithoutNetwork() {
        try (TestOcspResponder ocsp = TestOcspResponder.start(CA)) {
            Issued leaf = leaf().ocspResponder(ocsp.url()).build();
            ocsp.revoke(leaf.certificate(), CRLReason.cessationOfOperation);
            byte[] stapled = ocsp.responseFor(leaf.certificate());
            ocsp.behave(Behaviour.HANG);

            RevocationResult result = check(path(leaf), List.of(stapled), RevocationMode.OCSP).get(0);

            assertThat(result.state()).isEqualTo(RevocationState.REVOKED);
            assertThat(result.source()).isEqualTo("stapled OCSP");
            assertThat(result.detail()).isEqualTo("cessationOfOperation");
            assertThat(ocsp.requests()).isZero();
        }
    }

    @Test
    void stapledResponseWithBadSignatureFallsBackToTheResponder() {
        try (TestOcspResponder ocsp = TestOcspResponder.start(CA)) {
            Issued leaf = leaf().ocspResponder(ocsp.url()).build();
            ocsp.signedBy(MALLORY);
            byte[] forged = ocsp.responseFor(leaf.certificate());
            ocsp.signedBy(CA);

            RevocationResult result = check(path(leaf), List.of(new byte[0], forged), RevocationMode.OCSP).get(0);

            assertThat(result.state()).isEqualTo(RevocationState.GOOD);
            assertThat(result.source()).isEqualTo("OCSP");
        }
    }

    @Test
    void stapledResponseWithBadSignatureAndNothingElseIsUnknown() {
        try (TestOcspResponder ocsp = TestOcspResponder.start(CA)) {
            Issued leaf = leaf().build();
            ocsp.signedBy(MALLORY);

            RevocationResult result =
                    check(path(leaf), List.of(ocsp.responseFor(leaf.certificate())), RevocationMode.OCSP).get(0);

            assertThat(result.state()).isEqualTo(RevocationState.UNKNOWN);
            assertThat(result.source()).isEqualTo("stapled OCSP");
            assertThat(result.detail()).isEqualTo("the stapled OCSP response: the response is not signed by the"
                    + " issuer or by a responder it authorized");
        }
    }

    @Test
    void responseWithBadSignatureIsUnknown() {
        try (TestOcspResponder ocsp = TestOcspResponder.start(CA)) {
            ocsp.signedBy(MALLORY);
            Issued leaf = leaf().ocspResponder(ocsp.url()).build();

            RevocationResult result = checkLeaf(leaf, RevocationMode.OCSP);

            assertThat(result.state()).isEqualTo(RevocationState.UNKNOWN);
            assertThat(result.detail()).isEqualTo("OCSP responder " + ocsp.url()
                    + ": the response is not signed by the issuer or by a responder it authorized");
        }
    }

    @Test
    void delegatedResponderAuthorizedByTheIssuerIsTrusted() {
        Issued delegate = TestCertificates.withSubject("CN=Revocation Test OCSP").issuedBy(CA).ec(256).freshKey()
                .extendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning).build();
        try (TestOcspResponder ocsp = TestOcspResponder.start(CA)) {
            ocsp.signedBy(delegate);
            Issued leaf = leaf().ocspResponder(ocsp.url()).build();
            ocsp.revoke(leaf.certificate(), CRLReason.keyCompromise);

            RevocationResult result = checkLeaf(leaf, RevocationMode.OCSP);

            assertThat(result.state()).isEqualTo(RevocationState.REVOKED);
        }
    }

    @Test
    void delegateWithoutTheOcspSigningPurposeIsNotTrusted() {
        Issued notDelegated = TestCertificates.withSubject("CN=Just a server").issuedBy(CA).ec(256).freshKey()
                .build();
        try (TestOcspResponder ocsp = TestOcspResponder.start(CA)) {
            ocsp.signedBy(notDelegated);
            Issued leaf = leaf().ocspResponder(ocsp.url()).build();

            RevocationResult result = checkLeaf(leaf, RevocationMode.OCSP);

            assertThat(result.state()).isEqualTo(RevocationState.UNKNOWN);
            assertThat(result.detail()).contains("not signed by the issuer or by a responder it authorized");
        }
    }

    @Test
    void hangingResponderIsUnknownWithinTheDeadline() {
        try (TestOcspResponder ocsp = TestOcspResponder.start(CA)) {
            ocsp.behave(Behaviour.HANG);
            Issued leaf = leaf().ocspResponder(ocsp.url()).build();
            long started = System.nanoTime();

            RevocationResult result = check(path(leaf), List.of(), RevocationMode.OCSP,
                    Deadline.after(Duration.ofSeconds(1))).get(0);

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(6));
            assertThat(result.state()).isEqualTo(RevocationState.UNKNOWN);
            assertThat(result.detail()).isEqualTo("OCSP responder " + ocsp.url() + " timed out");
        }
    }

    @Test
    void hangingResponderLeavesTimeForTheCrl() {
        try (TestOcspResponder ocsp = TestOcspResponder.start(CA); TestCrlServer crl = TestCrlServer.start(CA)) {
            ocsp.behave(Behaviour.HANG);
            Issued leaf = leaf().ocspResponder(ocsp.url()).crlDistributionPoint(crl.url()).build();
            crl.revoke(leaf.certificate(), CRLReason.keyCompromise);

            RevocationResult result = check(path(leaf), List.of(), RevocationMode.OCSP,
                    Deadline.after(Duration.ofSeconds(3))).get(0);

            assertThat(result.state()).isEqualTo(RevocationState.REVOKED);
            assertThat(result.source()).isEqualTo("CRL");
        }
    }

    @Test
    void noRevocationInformationIsUnknown() {
        RevocationResult result = checkLeaf(leaf().build(), RevocationMode.OCSP);

        assertThat(result.state()).isEqualTo(RevocationState.UNKNOWN);
        assertThat(result.source()).isEqualTo("none");
        assertThat(result.detail()).isEqualTo("no OCSP responder or CRL distribution point");
    }

    @Test
    void crlModeAsksOnlyTheCrl() {
        try (TestOcspResponder ocsp = TestOcspResponder.start(CA); TestCrlServer crl = TestCrlServer.start(CA)) {
            Issued leaf = leaf().ocspResponder(ocsp.url()).crlDistributionPoint(crl.url()).build();
            Issued other = leaf().crlDistributionPoint(crl.url()).build();
            crl.revoke(leaf.certificate(), CRLReason.keyCompromise);

            RevocationResult revoked = check(path(leaf), List.of(ocsp.responseFor(leaf.certificate())),
                    RevocationMode.CRL).get(0);
            RevocationResult good = checkLeaf(other, RevocationMode.CRL);

            assertThat(revoked.state()).isEqualTo(RevocationState.REVOKED);
            assertThat(revoked.source()).isEqualTo("CRL");
            assertThat(revoked.detail()).isEqualTo("keyCompromise");
            assertThat(good.state()).isEqualTo(RevocationState.GOOD);
            assertThat(ocsp.requests()).isZero();
        }
    }

    @Test
    void crlModeWithoutDistributionPointIsUnknown() {
        try (TestOcspResponder ocsp = TestOcspResponder.start(CA)) {
            RevocationResult result = checkLeaf(leaf().ocspResponder(ocsp.url()).build(), RevocationMode.CRL);

            assertThat(result.state()).isEqualTo(RevocationState.UNKNOWN);
            assertThat(result.detail()).isEqualTo("no CRL distribution point");
        }
    }

    @Test
    void crlWithBadSignatureIsUnknown() {
        try (TestCrlServer crl = TestCrlServer.start(CA)) {
            crl.signedBy(MALLORY);
            Issued leaf = leaf().crlDistributionPoint(crl.url()).build();

            RevocationResult result = checkLeaf(leaf, RevocationMode.CRL);

            assertThat(result.state()).isEqualTo(RevocationState.UNKNOWN);
            assertThat(result.detail()).isEqualTo("CRL " + crl.url() + " is not signed by the issuer's key");
        }
    }

    @Test
    void staleAnswersAreUnknown() {
        try (TestOcspResponder ocsp = TestOcspResponder.start(CA); TestCrlServer crl = TestCrlServer.start(CA)) {
            ocsp.stale();
            crl.stale();
            Issued leaf = leaf().ocspResponder(ocsp.url()).crlDistributionPoint(crl.url()).build();

            RevocationResult result = checkLeaf(leaf, RevocationMode.OCSP);

            assertThat(result.state()).isEqualTo(RevocationState.UNKNOWN);
            assertThat(result.detail()).matches("OCSP responder .*: the response is stale \\(nextUpdate .* has passed\\);"
                    + " CRL .* is stale \\(nextUpdate .* has passed\\)");
        }
    }

    @Test
    void misbehavingServersAreUnknownWithTheReason() {
        try (TestOcspResponder ocsp = TestOcspResponder.start(CA); TestCrlServer crl = TestCrlServer.start(CA)) {
            Issued leaf = leaf().ocspResponder(ocsp.url()).build();
            Issued crlLeaf = leaf().crlDistributionPoint(crl.url()).build();
            String who = "OCSP responder " + ocsp.url();

            assertThat(detailWhen(ocsp, Behaviour.TRY_LATER, leaf)).isEqualTo(who + " answered tryLater");
            assertThat(detailWhen(ocsp, Behaviour.GARBAGE, leaf))
                    .isEqualTo(who + " sent something that is not an OCSP response");
            assertThat(detailWhen(ocsp, Behaviour.OVERSIZED, leaf)).isEqualTo(who + " sent more than 1 MiB");
            assertThat(detailWhen(ocsp, Behaviour.REDIRECT_LOOP, leaf)).isEqualTo(who + " redirected more than 3 times");
            assertThat(detailWhen(crl, Behaviour.GARBAGE, crlLeaf)).isEqualTo("CRL " + crl.url() + " is not a CRL");
        }
    }

    @Test
    void redirectsAreFollowed() {
        try (TestCrlServer crl = TestCrlServer.start(CA)) {
            Issued leaf = leaf().crlDistributionPoint(crl.movedUrl()).build();
            crl.revoke(leaf.certificate(), CRLReason.affiliationChanged);

            RevocationResult result = checkLeaf(leaf, RevocationMode.CRL);

            assertThat(result.state()).isEqualTo(RevocationState.REVOKED);
            assertThat(crl.requests()).isEqualTo(2);
        }
    }

    @Test
    void intermediatesAreCheckedAgainstTheirOwnIssuer() {
        Issued root = TestCertificates.ca("Revocation Test Root").build();
        try (TestCrlServer rootCrl = TestCrlServer.start(root)) {
            Issued intermediate = TestCertificates.ca("Revocation Test Intermediate").issuedBy(root)
                    .crlDistributionPoint(rootCrl.url()).build();
            rootCrl.revoke(intermediate.certificate(), CRLReason.cACompromise);
            try (TestOcspResponder ocsp = TestOcspResponder.start(intermediate)) {
                Issued leaf = TestCertificates.leaf("valid.test").issuedBy(intermediate).ocspResponder(ocsp.url())
                        .build();
                ChainPath path = new ChainPath(ChainOutcome.TRUSTED,
                        List.of(leaf.certificate(), intermediate.certificate()), root.certificate(), List.of(), true);

                List<RevocationResult> results = check(path, List.of(), RevocationMode.OCSP);

                assertThat(results).extracting(RevocationResult::certificate)
                        .containsExactly(leaf.certificate(), intermediate.certificate());
                assertThat(results.get(0).state()).isEqualTo(RevocationState.GOOD);
                assertThat(results.get(1).state()).isEqualTo(RevocationState.REVOKED);
                assertThat(results.get(1).detail()).isEqualTo("cACompromise");
            }
        }
    }

    @Test
    void intermediateWithoutRevocationInformationIsUnknown() {
        Issued root = TestCertificates.ca("Revocation Test Root").build();
        Issued intermediate = TestCertificates.ca("Quiet Intermediate").issuedBy(root).build();
        try (TestCrlServer crl = TestCrlServer.start(intermediate)) {
            Issued leaf = TestCertificates.leaf("valid.test").issuedBy(intermediate)
                    .crlDistributionPoint(crl.url()).build();
            // The anchor served as the last certificate is not checked.
            ChainPath path = new ChainPath(ChainOutcome.TRUSTED,
                    List.of(leaf.certificate(), intermediate.certificate(), root.certificate()), root.certificate(),
                    List.of(), true);

            List<RevocationResult> results = check(path, List.of(), RevocationMode.OCSP);

            assertThat(results).extracting(RevocationResult::state)
                    .containsExactly(RevocationState.GOOD, RevocationState.UNKNOWN);
            assertThat(results.get(1).detail()).isEqualTo("no OCSP responder or CRL distribution point");
        }
    }

    @Test
    void certificateWhoseIssuerIsUnknownIsUnknown() {
        try (TestOcspResponder ocsp = TestOcspResponder.start(CA)) {
            Issued leaf = leaf().ocspResponder(ocsp.url()).build();
            ChainPath incomplete = new ChainPath(ChainOutcome.INCOMPLETE, List.of(leaf.certificate()), null,
                    List.of(), true);

            RevocationResult result = check(incomplete, List.of(), RevocationMode.OCSP).get(0);

            assertThat(result.state()).isEqualTo(RevocationState.UNKNOWN);
            assertThat(result.detail()).startsWith("the issuer is not known");
            assertThat(ocsp.requests()).isZero();
        }
    }

    @Test
    void modeNoneChecksNothing() {
        assertThat(check(path(leaf().build()), List.of(), RevocationMode.NONE)).isEmpty();
    }

    private String detailWhen(RevocationServer server, Behaviour behaviour, Issued leaf) {
        server.behave(behaviour);
        RevocationResult result = checkLeaf(leaf, RevocationMode.OCSP);
        assertThat(result.state()).isEqualTo(RevocationState.UNKNOWN);
        return result.detail();
    }

    private static TestCertificates leaf() {
        return TestCertificates.leaf("valid.test").issuedBy(CA);
    }

    private static ChainPath path(Issued leaf) {
        return new ChainPath(ChainOutcome.TRUSTED, List.of(leaf.certificate()), CA.certificate(), List.of(), true);
    }

    private RevocationResult checkLeaf(Issued leaf, RevocationMode mode) {
        List<RevocationResult> results = check(path(leaf), List.of(), mode);
        assertThat(results).hasSize(1);
        return results.get(0);
    }

    private List<RevocationResult> check(ChainPath path, List<byte[]> stapled, RevocationMode mode) {
        return check(path, stapled, mode, Deadline.after(Duration.ofSeconds(10)));
    }

    private List<RevocationResult> check(ChainPath path, List<byte[]> stapled, RevocationMode mode,
                                         Deadline deadline) {
        return checker.check(path, new ArrayList<>(stapled), mode, deadline);
    }
}
