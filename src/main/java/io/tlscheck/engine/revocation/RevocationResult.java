package io.tlscheck.engine.revocation;

import java.security.cert.X509Certificate;
import java.time.Instant;

/**
 * The revocation status of one certificate on the path.
 *
 * @param certificate the certificate asked about
 * @param state       good, revoked or unknown
 * @param source      {@value #STAPLED_OCSP}, {@value #OCSP} or {@value #CRL}: what answered, or for
 *                    an unknown state the last thing asked; {@value #NONE} when nothing could be asked
 * @param revokedAt   when it was revoked, or {@code null}
 * @param detail      the revocation reason (RFC 5280 name such as {@code keyCompromise}), or why the
 *                    state is unknown; {@code null} when good
 */
public record RevocationResult(X509Certificate certificate, RevocationState state, String source, Instant revokedAt,
                               String detail) {
    public static final String STAPLED_OCSP = "stapled OCSP";
    public static final String OCSP = "OCSP";
    public static final String CRL = "CRL";
    public static final String NONE = "none";

    public static RevocationResult good(X509Certificate certificate, String source) {
        return new RevocationResult(certificate, RevocationState.GOOD, source, null, null);
    }

    public static RevocationResult revoked(X509Certificate certificate, String source, Instant at, String reason) {
        return new RevocationResult(certificate, RevocationState.REVOKED, source, at, reason);
    }

    public static RevocationResult unknown(X509Certificate certificate, String source, String why) {
        return new RevocationResult(certificate, RevocationState.UNKNOWN, source, null, why);
    }

    /** Whether the CA gave an answer (good or revoked) that ends the search. */
    public boolean answered() {
        return state != RevocationState.UNKNOWN;
    }
}
