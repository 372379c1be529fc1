package io.tlscheck.engine.rules;

import java.security.cert.X509Certificate;
import java.util.List;

/** Which certificates the rules judge on their own merits: dates, keys, extensions. */
final class PathScope {
    private PathScope() {
    }

    /**
     * The path without its trust anchor (an anchor is vouched for by the trust store, not by its
     * own contents); when no path could be built beyond the leaf, the leaf alone (an expired leaf
     * is worth reporting even when the chain is also broken).
     */
    static List<X509Certificate> certificates(CheckContext context) {
        List<X509Certificate> onPath = context.path().nonAnchorCertificates();
        if (!onPath.isEmpty()) {
            return onPath;
        }
        return context.leaf() == null ? List.of() : List.of(context.leaf());
    }
}
