package io.tlscheck.engine.rules;

import java.util.Optional;

import io.tlscheck.engine.Certificates;
import io.tlscheck.engine.Finding;
import io.tlscheck.engine.Hostnames;
import io.tlscheck.engine.Severity;

/** RFC 6125 §6.4: the leaf must cover the name that was asked for, through its SANs. */
final class HostnameMismatch implements Rule {
    private static final RuleInfo INFO = new RuleInfo("hostname.mismatch", Severity.FAILING, "HostnameMismatch",
            "The certificate does not cover the name that was asked for",
            "RFC 6125 §6.4; RFC 9525",
            "Issue a certificate whose subjectAltName lists this name, or check the server name (SNI) you connect with.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Optional<Finding> evaluate(CheckContext context) {
        var leaf = context.leaf();
        // A certificate without SANs has its own rule; reporting it twice would only add noise.
        if (leaf == null || !Certificates.hasSubjectAltNames(leaf)) {
            return Optional.empty();
        }
        String name = context.seen().endpoint().verifiedName();
        if (Hostnames.covers(leaf, name)) {
            return Optional.empty();
        }
        return Optional.of(finding("certificate for %s does not cover %s (its names: %s)",
                Certificates.shortName(leaf), name, String.join(", ", Certificates.allNames(leaf))));
    }
}
