package io.tlscheck.engine;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

/** Turns findings into a verdict, a reason and the one line a person reads first. */
final class Judge {
    static final String HEALTHY_REASON = "Healthy";

    private Judge() {
    }

    /** Most severe first; among equals, the order the rules ran in. */
    static List<Finding> sorted(List<Finding> findings) {
        return findings.stream()
                .sorted(Comparator.comparing(Finding::severity).reversed())
                .toList();
    }

    static Verdict verdict(List<Finding> sortedFindings) {
        return sortedFindings.isEmpty() ? Verdict.HEALTHY : Verdict.of(sortedFindings.get(0).severity());
    }

    static String reason(List<Finding> sortedFindings) {
        return sortedFindings.isEmpty() ? HEALTHY_REASON : sortedFindings.get(0).reason();
    }

    /** The worst finding's message, with a count of the others; or a short healthy summary. */
    static String message(List<Finding> sortedFindings, Observation seen, Instant now) {
        if (!sortedFindings.isEmpty()) {
            String first = sortedFindings.get(0).message();
            int others = sortedFindings.size() - 1;
            return others == 0 ? first : first + " (and " + others + " more finding" + (others == 1 ? "" : "s") + ")";
        }
        X509Certificate leaf = seen.leaf();
        if (leaf == null) {
            return "handshake completed";
        }
        Instant notAfter = leaf.getNotAfter().toInstant();
        return "certificate for " + Certificates.shortName(leaf) + " valid until "
                + notAfter.atZone(ZoneOffset.UTC).toLocalDate() + " (" + Durations.words(Duration.between(now, notAfter))
                + "), " + TlsVersions.displayName(seen.protocol());
    }
}
