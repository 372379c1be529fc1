package io.tlscheck.engine.rules;

import java.util.List;
import java.util.Optional;

import io.tlscheck.engine.Finding;
import io.tlscheck.engine.RevocationMode;
import io.tlscheck.engine.Severity;
import io.tlscheck.engine.revocation.RevocationResult;
import io.tlscheck.engine.revocation.RevocationState;

/**
 * RFC 6960 §2.2 and RFC 5280 §6.3: when the responder or CRL cannot answer, nothing is known.
 * Clients mostly soft-fail in that case, so a Warning: revocation checking was asked for and
 * did not deliver, which a user wants to hear about before a certificate is actually revoked.
 */
final class RevocationUnknown implements Rule {
    private static final RuleInfo INFO = new RuleInfo("revocation.unknown", Severity.WARNING, "RevocationUnknown",
            "The revocation status of a certificate on the path could not be established",
            "RFC 6960 §2.2; RFC 5280 §6.3",
            "Check that the OCSP responder or CRL the certificate names is reachable from here within the "
                    + "timeout, or turn revocation checking off for this endpoint.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Optional<Finding> evaluate(CheckContext context) {
        if (context.want().revocation() == RevocationMode.NONE) {
            return Optional.empty();
        }
        List<RevocationResult> unknown = context.revocation().stream()
                .filter(r -> r.state() == RevocationState.UNKNOWN)
                .toList();
        if (unknown.isEmpty()) {
            return Optional.empty();
        }
        RevocationResult first = unknown.get(0);
        int others = unknown.size() - 1;
        return Optional.of(finding("revocation status of %s is unknown (%s%s)%s",
                Wording.certificate(context, first.certificate()), Wording.source(first),
                Wording.ifPresent(": ", first.detail(), ""),
                others == 0 ? "" : ", and of " + others + " more certificate" + (others == 1 ? "" : "s")));
    }
}
