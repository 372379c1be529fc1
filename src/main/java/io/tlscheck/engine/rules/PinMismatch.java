package io.tlscheck.engine.rules;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.tlscheck.engine.Certificates;
import io.tlscheck.engine.Finding;
import io.tlscheck.engine.Severity;

/**
 * RFC 7469 §2.4 pins: some certificate between the leaf and the anchor must carry one of the
 * expected SubjectPublicKeyInfo hashes, so a key change (or an interception proxy with a
 * trusted CA) is noticed. Pins are accepted bare, or with curl's {@code sha256//} or OkHttp's {@code sha256/} prefix.
 */
final class PinMismatch implements Rule {
    /** Characters of a base64 SHA-256 pin, padding included. */
    private static final int PIN_LENGTH = 44;
    private static final RuleInfo INFO = new RuleInfo("pin.mismatch", Severity.FAILING, "PinMismatch",
            "No certificate in the chain has one of the expected SPKI pins",
            "RFC 7469 §2.4 (pin format); expected pins (spec.expect)",
            "If the key change was intended, update the expected pins (tlscheck connect shows each certificate's "
                    + "pin); otherwise find out who serves this key.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Optional<Finding> evaluate(CheckContext context) {
        var leaf = context.leaf();
        if (leaf == null || context.want().spkiPins().isEmpty()) {
            return Optional.empty();
        }
        Set<String> pins = context.want().spkiPins().stream().map(PinMismatch::bare).collect(Collectors.toSet());
        List<X509Certificate> candidates = new ArrayList<>(context.seen().servedChain());
        if (context.path().anchor() != null) {
            candidates.add(context.path().anchor());
        }
        if (candidates.stream().map(Certificates::spkiPin).anyMatch(pins::contains)) {
            return Optional.empty();
        }
        return Optional.of(finding("no certificate served for %s (nor its trust anchor) has an expected SPKI pin; "
                + "the certificate's own pin is %s", Certificates.shortName(leaf), Certificates.spkiPin(leaf)));
    }

    /**
     * The base64 pin without curl's {@code sha256//} or OkHttp's {@code sha256/} prefix. A pin
     * may itself begin with "/" (a base64 digit), so the prefix is told by length: a SHA-256 pin
     * is {@value #PIN_LENGTH} characters.
     */
    private static String bare(String pin) {
        String trimmed = pin.trim();
        if (!trimmed.startsWith("sha256/")) {
            return trimmed;
        }
        String rest = trimmed.substring("sha256/".length());
        return rest.length() == PIN_LENGTH + 1 && rest.startsWith("/") ? rest.substring(1) : rest;
    }
}
