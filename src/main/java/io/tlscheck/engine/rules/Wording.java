package io.tlscheck.engine.rules;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.tlscheck.engine.Certificates;
import io.tlscheck.engine.revocation.RevocationResult;

/** Phrases the findings share, so that messages read alike whichever rule wrote them. */
final class Wording {
    private Wording() {
    }

    /** {@code certificate for valid.test} for the leaf, {@code issuing certificate for Test CA} otherwise. */
    static String certificate(CheckContext context, X509Certificate cert) {
        return (cert.equals(context.leaf()) ? "certificate for " : "issuing certificate for ") + Certificates.shortName(cert);
    }

    /** The UTC calendar date: precise enough for people, and the same wherever the check runs. */
    static LocalDate date(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** {@code prefix + text + suffix}, or nothing when the text is missing: for optional details. */
    static String ifPresent(String prefix, String text, String suffix) {
        return text == null || text.isBlank() ? "" : prefix + text + suffix;
    }

    /** Where a revocation answer came from ({@code OCSP}, {@code CRL}), or {@code the CA} when not said. */
    static String source(RevocationResult result) {
        return result.source() == null || result.source().isBlank() ? "the CA" : result.source();
    }

    /** {@code a, b, c} or, past {@code shown} items, {@code a, b, c and 4 more}: messages stay one line. */
    static String list(List<String> items, int shown) {
        if (items.size() <= shown) {
            return String.join(", ", items);
        }
        return String.join(", ", items.subList(0, shown)) + " and " + (items.size() - shown) + " more";
    }
}
