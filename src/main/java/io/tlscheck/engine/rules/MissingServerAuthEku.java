package io.tlscheck.engine.rules;

import java.util.List;
import java.util.Optional;

import io.tlscheck.engine.Certificates;
import io.tlscheck.engine.Finding;
import io.tlscheck.engine.Severity;

/**
 * RFC 5280 §4.2.1.12: when a certificate lists its purposes, it may be used for those only.
 * One that lists, say, clientAuth alone is rejected by every TLS client as a server certificate.
 */
final class MissingServerAuthEku implements Rule {
    private static final RuleInfo INFO = new RuleInfo("eku.server-auth-missing", Severity.FAILING,
            "MissingServerAuthEku",
            "The server's certificate lists extended key usages, but not serverAuth",
            "RFC 5280 §4.2.1.12; CA/B BR §7.1.2.7.10",
            "Reissue the certificate with extendedKeyUsage serverAuth (TLS Web Server Authentication).");

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
        Optional<List<String>> purposes = ExtendedKeyUsages.of(leaf);
        if (purposes.isEmpty() || purposes.get().contains(ExtendedKeyUsages.SERVER_AUTH)
                || purposes.get().contains(ExtendedKeyUsages.ANY)) {
            return Optional.empty();
        }
        String listed = purposes.get().isEmpty() ? "nothing readable"
                : String.join(", ", purposes.get().stream().map(ExtendedKeyUsages::name).toList());
        return Optional.of(finding("certificate for %s is not for TLS servers: its extended key usage lists %s, "
                + "not serverAuth", Certificates.shortName(leaf), listed));
    }
}
