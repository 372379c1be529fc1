package io.tlscheck.engine.rules;

import java.util.Optional;

import io.tlscheck.engine.Certificates;
import io.tlscheck.engine.Finding;
import io.tlscheck.engine.Severity;

/**
 * CA/B BR §7.1.2.7.8: a server certificate is not a CA. One that is can issue certificates
 * clients would trust, with its key sitting on a web server. Self-signed leaves are left out:
 * {@code openssl req -x509} marks them CA:TRUE by default, and they have their own rule when
 * they are not trusted.
 */
final class LeafIsCa implements Rule {
    private static final RuleInfo INFO = new RuleInfo("basic-constraints.leaf-is-ca", Severity.WARNING,
            "BadBasicConstraints",
            "The server's certificate is a CA certificate",
            "CA/B BR §7.1.2.7.8; RFC 5280 §4.2.1.9",
            "Reissue the server certificate with basicConstraints CA:FALSE; keep CA keys off servers.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Optional<Finding> evaluate(CheckContext context) {
        var leaf = context.leaf();
        if (leaf == null || leaf.getBasicConstraints() < 0 || Certificates.isSelfSigned(leaf)) {
            return Optional.empty();
        }
        return Optional.of(finding("certificate for %s is a CA certificate (basicConstraints CA:TRUE)",
                Certificates.shortName(leaf)));
    }
}
