package io.tlscheck.engine.chain;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The certification path built from what the server served, independent of the order it used.
 *
 * @param outcome        how far the path got
 * @param certificates   leaf first, then each issuer found among the served certificates
 * @param anchor         the trust anchor that issued the last certificate (or equals it), or
 *                       {@code null} unless {@link ChainOutcome#TRUSTED}
 * @param unused         served certificates that are not on the path (and are not the anchor)
 * @param servedInOrder  whether the server sent the path's certificates first and in issuing order
 */
public record ChainPath(ChainOutcome outcome, List<X509Certificate> certificates, X509Certificate anchor,
                        List<X509Certificate> unused, boolean servedInOrder) {

    public ChainPath {
        certificates = List.copyOf(certificates);
        unused = List.copyOf(unused);
    }

    public static final ChainPath EMPTY = new ChainPath(ChainOutcome.NO_CERTIFICATE, List.of(), null, List.of(), true);

    public boolean trusted() {
        return outcome == ChainOutcome.TRUSTED;
    }

    /** The last certificate on the path: where trust stopped or was found. */
    public X509Certificate top() {
        return certificates.isEmpty() ? null : certificates.get(certificates.size() - 1);
    }

    /**
     * Every certificate on the path that is not the trust anchor itself: the ones whose
     * signatures and validity matter (an anchor is trusted by configuration, not by signature).
     */
    public List<X509Certificate> nonAnchorCertificates() {
        if (anchor != null && !certificates.isEmpty() && top().equals(anchor)) {
            return certificates.subList(0, certificates.size() - 1);
        }
        return certificates;
    }
}
