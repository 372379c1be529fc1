package io.tlscheck.engine.rules;

import java.util.Optional;

import io.tlscheck.engine.Certificates;
import io.tlscheck.engine.Finding;
import io.tlscheck.engine.Severity;

/**
 * RFC 6125 §6.4.4 and CA/B BR §7.1.2.7.12: names live in subjectAltName. Clients have stopped
 * falling back to the common name (Chrome 58, Go 1.15 among them), so a certificate without
 * SANs covers no name at all; the hostname rule stays silent then, leaving the report to this one.
 */
final class NoSubjectAltName implements Rule {
    private static final RuleInfo INFO = new RuleInfo("hostname.no-san", Severity.FAILING, "NoSubjectAltName",
            "The server's certificate has no subjectAltName extension",
            "RFC 6125 §6.4.4; CA/B BR §7.1.2.7.12",
            "Reissue the certificate with the server's names in subjectAltName; clients no longer "
                    + "read the common name.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Optional<Finding> evaluate(CheckContext context) {
        var leaf = context.leaf();
        if (leaf == null || Certificates.hasSubjectAltNames(leaf)) {
            return Optional.empty();
        }
        return Optional.of(finding("certificate for %s has no subjectAltName, and clients do not fall back "
                + "to its common name", Certificates.shortName(leaf)));
    }
}
