package io.tlscheck.engine.revocation;

import java.security.cert.X509Certificate;
import java.time.Instant;

/**
 * The revocation status of one certificate on the path.
 *
 * @param certificate the certificate asked about
 * @param state       good, revoked or unknown
 * @param source      {@code OCSP}, {@code stapled OCSP} or {@code CRL}
 * @param revokedAt   when it was revoked, or {@code null}
 * @param detail      the revocation reason, or why the state is unknown
 */
public record RevocationResult(X509Certificate certificate, RevocationState state, String source, Instant revokedAt,
                               String detail) {
}
