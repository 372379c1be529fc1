package io.tlscheck.engine.revocation;

import java.security.cert.X509Certificate;
import java.util.List;

import io.tlscheck.engine.Deadline;
import io.tlscheck.engine.RevocationMode;
import io.tlscheck.engine.chain.ChainPath;

/**
 * Asks the CAs whether the certificates on a path were revoked: OCSP (a stapled response
 * first, then the responder named in the certificate) with CRL fallback, or CRL only. Bounded
 * by the check's deadline. Network I/O lives here so that rules stay pure.
 */
public interface RevocationChecker {
    /**
     * @param path    the built path (the anchor is never checked)
     * @param stapled DER OCSP responses the server stapled (for the leaf)
     * @return one result per certificate checked, leaf first
     */
    List<RevocationResult> check(ChainPath path, List<byte[]> stapled, RevocationMode mode, Deadline deadline);

    /** Checks nothing: for callers that never ask for revocation. */
    RevocationChecker NONE = (path, stapled, mode, deadline) -> List.of();

    /** The certificates on the path whose status is worth asking for: all but the anchor. */
    static List<X509Certificate> subjects(ChainPath path) {
        return path.nonAnchorCertificates();
    }
}
