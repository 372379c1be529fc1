package io.tlscheck.engine.revocation;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Builds OCSP requests and decides what an OCSP response (fetched or stapled) says about one
 * certificate (RFC 6960). A response counts only when it is signed by the certificate's issuer
 * or by a responder the issuer authorized (§4.2.2.2: a certificate the issuer signed with the
 * id-kp-OCSPSigning extended key usage, valid now), names the certificate's CertID, and is
 * fresh; anything else is UNKNOWN with the reason, never GOOD.
 */
final class OcspVerifier {
    private static final String OCSP_SIGNING = "1.3.6.1.5.5.7.3.9";

    private final DigestCalculatorProvider digests;
    private final Clock clock;

    OcspVerifier(Clock clock) {
        this.clock = clock;
        try {
            this.digests = new JcaDigestCalculatorProviderBuilder().build();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("no digest provider", e);
        }
    }

    /** A DER OCSP request for {@code subject}, with a SHA-1 CertID as RFC 5019 §2.1.1 expects responders to know. */
    byte[] request(X509Certificate subject, X509Certificate issuer) throws RequestException {
        try {
            CertificateID id = new CertificateID(digests.get(CertificateID.HASH_SHA1),
                    new JcaX509CertificateHolder(issuer), subject.getSerialNumber());
            return new OCSPReqBuilder().addRequest(id).build().getEncoded();
        } catch (OCSPException | OperatorCreationException | CertificateException | IOException e) {
            throw new RequestException();
        }
    }

    /** The request could not be built (an issuer certificate that cannot be encoded). */
    static final class RequestException extends Exception {
        RequestException() {
            super("cannot build an OCSP request", null, false, false);
        }
    }

    /**
     * What the response says about {@code subject}; empty when it says nothing about it (a
     * stapled response for another certificate).
     *
     * @param who how to name the answer in a detail, such as {@code OCSP responder http://...}
     */
    Optional<RevocationResult> verify(byte[] der, X509Certificate subject, X509Certificate issuer, String source,
                                      String who) {
        BasicOCSPResp basic;
        try {
            OCSPResp response = new OCSPResp(der);
            if (response.getStatus() != OCSPResp.SUCCESSFUL) {
                return unknown(subject, source, who + " answered " + statusName(response.getStatus()));
            }
            if (!(response.getResponseObject() instanceof BasicOCSPResp b)) {
                return unknown(subject, source, who + " sent a response type other than basic");
            }
            basic = b;
        } catch (IOException | OCSPException | RuntimeException e) {
            // Hostile or broken bytes can make the ASN.1 parser throw anything; all mean "not OCSP".
            return unknown(subject, source, who + " sent something that is not an OCSP response");
        }
        X509CertificateHolder issuerHolder;
        try {
            issuerHolder = new JcaX509CertificateHolder(issuer);
        } catch (CertificateException e) {
            return unknown(subject, source, who + ": the issuer certificate cannot be encoded");
        }
        SingleResp single = find(basic, subject, issuerHolder);
        if (single == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (!signedByIssuerOrDelegate(basic, issuer, now)) {
            return unknown(subject, source,
                    who + ": the response is not signed by the issuer or by a responder it authorized");
        }
        Optional<String> stale = Freshness.problem(single.getThisUpdate(), single.getNextUpdate(), now);
        if (stale.isPresent()) {
            return unknown(subject, source, who + ": the response " + stale.get());
        }
        CertificateStatus status = single.getCertStatus();
        if (status == CertificateStatus.GOOD) {
            return Optional.of(RevocationResult.good(subject, source));
        }
        if (status instanceof RevokedStatus revoked) {
            String reason = revoked.hasRevocationReason()
                    ? RevocationReasons.name(revoked.getRevocationReason()) : "unspecified";
            return Optional.of(RevocationResult.revoked(subject, source, revoked.getRevocationTime().toInstant(),
                    reason));
        }
        return unknown(subject, source, who + " does not know the certificate");
    }

    /** The answer for the subject's serial from its issuer, whatever hash the CertID uses. */
    private SingleResp find(BasicOCSPResp basic, X509Certificate subject, X509CertificateHolder issuer) {
        for (SingleResp single : basic.getResponses()) {
            CertificateID id = single.getCertID();
            try {
                if (id.getSerialNumber().equals(subject.getSerialNumber()) && id.matchesIssuer(issuer, digests)) {
                    return single;
                }
            } catch (OCSPException e) {
                // A hash algorithm we cannot compute: not an answer we can match.
            }
        }
        return null;
    }

    private static boolean signedByIssuerOrDelegate(BasicOCSPResp basic, X509Certificate issuer, Instant now) {
        if (signatureVerifies(basic, issuer.getPublicKey())) {
            return true;
        }
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        for (X509CertificateHolder holder : basic.getCerts()) {
            try {
                X509Certificate delegate = converter.getCertificate(holder);
                if (authorizedBy(delegate, issuer, now) && signatureVerifies(basic, delegate.getPublicKey())) {
                    return true;
                }
            } catch (CertificateException e) {
                // An unreadable certificate authorizes nothing.
            }
        }
        return false;
    }

    private static boolean authorizedBy(X509Certificate delegate, X509Certificate issuer, Instant now) {
        try {
            List<String> purposes = delegate.getExtendedKeyUsage();
            if (purposes == null || !purposes.contains(OCSP_SIGNING)
                    || !delegate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
                return false;
            }
            delegate.checkValidity(Date.from(now));
            delegate.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static boolean signatureVerifies(BasicOCSPResp basic, PublicKey key) {
        try {
            return basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key));
        } catch (OperatorCreationException | OCSPException | RuntimeException e) {
            // A key that does not fit the signature algorithm cannot have made the signature.
            return false;
        }
    }

    private static Optional<RevocationResult> unknown(X509Certificate subject, String source, String why) {
        return Optional.of(RevocationResult.unknown(subject, source, why));
    }

    private static String statusName(int status) {
        return switch (status) {
            case OCSPResp.MALFORMED_REQUEST -> "malformedRequest";
            case OCSPResp.INTERNAL_ERROR -> "internalError";
            case OCSPResp.TRY_LATER -> "tryLater";
            case OCSPResp.SIG_REQUIRED -> "sigRequired";
            case OCSPResp.UNAUTHORIZED -> "unauthorized";
            default -> "status " + status;
        };
    }
}
