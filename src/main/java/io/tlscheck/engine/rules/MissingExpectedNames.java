package io.tlscheck.engine.rules;

import java.util.List;
import java.util.Optional;

import io.tlscheck.engine.Certificates;
import io.tlscheck.engine.Finding;
import io.tlscheck.engine.Hostnames;
import io.tlscheck.engine.Severity;

/**
 * The names a user expects the certificate to cover besides the one connected to (the other
 * hosts one certificate serves), matched the RFC 6125 way like the server name itself. Catches
 * a renewal that silently dropped a SAN.
 */
final class MissingExpectedNames implements Rule {
    private static final RuleInfo INFO = new RuleInfo("names.missing", Severity.FAILING, "MissingExpectedNames",
            "The server's certificate does not cover every expected name",
            "RFC 6125 §6.4; expected names (spec.expect)",
            "Reissue the certificate with every expected name in subjectAltName, or check that the "
                    + "server serves the right certificate.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Optional<Finding> evaluate(CheckContext context) {
        var leaf = context.leaf();
        if (leaf == null) {
            return Optional.empty();
        }
        List<String> missing = context.want().expectedNames().stream()
                .filter(name -> !Hostnames.covers(leaf, name))
                .toList();
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(finding("certificate for %s does not cover %s (its names: %s)",
                Certificates.shortName(leaf), String.join(", ", missing), String.join(", ", Certificates.allNames(leaf))));
    }
}
