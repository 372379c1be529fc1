package io.tlscheck.engine.rules;

import java.util.Optional;

import io.tlscheck.engine.Certificates;
import io.tlscheck.engine.Finding;
import io.tlscheck.engine.Severity;

/**
 * CA/B BR §7.1.2.7.10 requires server certificates to list serverAuth, and Apple platforms
 * (since iOS 13 and macOS 10.15) reject TLS server certificates without it; most other clients
 * still accept a certificate with no EKU at all, hence a Warning.
 */
final class MissingExtendedKeyUsage implements Rule {
    private static final RuleInfo INFO = new RuleInfo("eku.absent", Severity.WARNING, "MissingExtendedKeyUsage",
            "The server's certificate has no extended key usage extension",
            "CA/B BR §7.1.2.7.10; RFC 5280 §4.2.1.12",
            "Reissue the certificate with extendedKeyUsage serverAuth.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Optional<Finding> evaluate(CheckContext context) {
        var leaf = context.leaf();
        if (leaf == null || ExtendedKeyUsages.of(leaf).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(finding("certificate for %s has no extended key usage extension; serverAuth is expected",
                Certificates.shortName(leaf)));
    }
}
