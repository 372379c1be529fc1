package io.tlscheck.engine.revocation;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.cert.CRLReason;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.tlscheck.engine.Deadline;

/**
 * Looks a certificate up in the CRL at one distribution point (RFC 5280 §5). The CRL must name
 * the certificate's issuer, carry the issuer's signature and be fresh; otherwise the answer is
 * UNKNOWN with the reason. Indirect CRLs (signed by someone else) are therefore not supported;
 * no public CA uses them for TLS certificates.
 */
final class CrlClient {
    static final long MAX_CRL_BYTES = 20L << 20;

    private final HttpFetcher http;
    private final CrlCache cache;
    private final Clock clock;

    CrlClient(HttpFetcher http, CrlCache cache, Clock clock) {
        this.http = http;
        this.cache = cache;
        this.clock = clock;
    }

    RevocationResult ask(URI url, X509Certificate subject, X509Certificate issuer, Deadline deadline) {
        String who = "CRL " + url;
        X509CRL crl = cache.get(url, issuer.getPublicKey(), clock.instant());
        if (crl == null) {
            byte[] der;
            try {
                der = http.get(url, MAX_CRL_BYTES, deadline);
            } catch (FetchException e) {
                return RevocationResult.unknown(subject, RevocationResult.CRL, who + " " + e.getMessage());
            }
            try {
                crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
            } catch (GeneralSecurityException | RuntimeException e) {
                return RevocationResult.unknown(subject, RevocationResult.CRL, who + " is not a CRL");
            }
            Instant now = clock.instant();
            Optional<String> problem = problem(crl, issuer, now);
            if (problem.isPresent()) {
                return RevocationResult.unknown(subject, RevocationResult.CRL, who + " " + problem.get());
            }
            cache.put(url, crl, issuer.getPublicKey(), der.length, now);
        }
        return lookUp(crl, subject);
    }

    private static Optional<String> problem(X509CRL crl, X509Certificate issuer, Instant now) {
        if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return Optional.of("was issued by " + crl.getIssuerX500Principal().getName() + ", not by the issuer "
                    + issuer.getSubjectX500Principal().getName());
        }
        try {
            crl.verify(issuer.getPublicKey());
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.of("is not signed by the issuer's key");
        }
        return Freshness.problem(crl.getThisUpdate(), crl.getNextUpdate(), now);
    }

    private static RevocationResult lookUp(X509CRL crl, X509Certificate subject) {
        X509CRLEntry entry = crl.getRevokedCertificate(subject);
        CRLReason reason = entry == null ? null : entry.getRevocationReason();
        // removeFromCRL appears only in delta CRLs and means the certificate is no longer revoked.
        if (entry == null || reason == CRLReason.REMOVE_FROM_CRL) {
            return RevocationResult.good(subject, RevocationResult.CRL);
        }
        return RevocationResult.revoked(subject, RevocationResult.CRL, entry.getRevocationDate().toInstant(),
                reason == null ? "unspecified" : RevocationReasons.name(reason.ordinal()));
    }
}
