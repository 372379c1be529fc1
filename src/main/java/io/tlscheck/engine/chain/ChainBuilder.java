package io.tlscheck.engine.chain;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import io.tlscheck.engine.Certificates;
import io.tlscheck.engine.TrustAnchors;

/**
 * Builds a path from the served leaf to a trust anchor the way RFC 4158 suggests: follow
 * issuer names, confirm each link by its signature, try anchors before served certificates,
 * and backtrack across alternatives (cross-signed intermediates). Order and extra certificates
 * in what was served do not matter here; the rules report them separately.
 */
public final class ChainBuilder {
    /** Deeper than any real chain; stops a hostile peer's loops and long chains early. */
    private static final int MAX_DEPTH = 12;

    private final TrustAnchors anchors;

    public ChainBuilder(TrustAnchors anchors) {
        this.anchors = anchors;
    }

    public ChainPath build(List<X509Certificate> served) {
        if (served.isEmpty()) {
            return ChainPath.EMPTY;
        }
        X509Certificate leaf = served.get(0);
        Attempt best = anchors.contains(leaf)
                ? new Attempt(ChainOutcome.TRUSTED, List.of(leaf), leaf)
                : extend(new ArrayList<>(List.of(leaf)), served);
        return new ChainPath(best.outcome, best.path, best.anchor, unused(served, best), inOrder(served, best.path));
    }

    private Attempt extend(List<X509Certificate> path, List<X509Certificate> served) {
        X509Certificate current = path.get(path.size() - 1);
        for (X509Certificate anchor : anchors.withSubject(current.getIssuerX500Principal())) {
            if (Certificates.isSignedBy(current, anchor.getPublicKey())) {
                return new Attempt(ChainOutcome.TRUSTED, List.copyOf(path), anchor);
            }
        }
        if (Certificates.isSelfSigned(current)) {
            ChainOutcome outcome = path.size() == 1 ? ChainOutcome.SELF_SIGNED_LEAF : ChainOutcome.UNTRUSTED_ROOT;
            return new Attempt(outcome, List.copyOf(path), null);
        }
        Attempt best = new Attempt(ChainOutcome.INCOMPLETE, List.copyOf(path), null);
        if (path.size() >= MAX_DEPTH) {
            return best;
        }
        for (X509Certificate candidate : served) {
            if (path.contains(candidate)
                    || !candidate.getSubjectX500Principal().equals(current.getIssuerX500Principal())
                    || !Certificates.isSignedBy(current, candidate.getPublicKey())) {
                continue;
            }
            path.add(candidate);
            Attempt attempt = extend(path, served);
            path.remove(path.size() - 1);
            if (attempt.outcome == ChainOutcome.TRUSTED) {
                return attempt;
            }
            if (attempt.betterThan(best)) {
                best = attempt;
            }
        }
        return best;
    }

    private List<X509Certificate> unused(List<X509Certificate> served, Attempt best) {
        List<X509Certificate> unused = new ArrayList<>();
        for (X509Certificate cert : served) {
            boolean isAnchor = best.anchor != null && cert.equals(best.anchor) || anchors.contains(cert);
            if (!best.path.contains(cert) && !(isAnchor && best.outcome == ChainOutcome.TRUSTED)) {
                unused.add(cert);
            }
        }
        return unused;
    }

    /** In order when the path's certificates are the first ones served, in the same sequence. */
    private static boolean inOrder(List<X509Certificate> served, List<X509Certificate> path) {
        if (served.size() < path.size()) {
            return false;
        }
        return served.subList(0, path.size()).equals(path);
    }

    private record Attempt(ChainOutcome outcome, List<X509Certificate> path, X509Certificate anchor) {
        /** An untrusted root is a more useful diagnosis than a gap; then the longer path wins. */
        boolean betterThan(Attempt other) {
            if (outcome != other.outcome) {
                return outcome == ChainOutcome.UNTRUSTED_ROOT;
            }
            return path.size() > other.path.size();
        }
    }
}
