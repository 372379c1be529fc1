package io.tlscheck.engine.rules;

import java.util.Optional;

import io.tlscheck.engine.ExpectedLeaf;
import io.tlscheck.engine.Finding;
import io.tlscheck.engine.Severity;

/**
 * The certificate to compare with could not be read (a missing Secret or key, an unparsable
 * PEM): the comparison that was asked for cannot be made, which is a configuration error.
 */
final class ExpectedCertificateUnavailable implements Rule {
    private static final RuleInfo INFO = new RuleInfo("secret.unavailable", Severity.FAILING, "SecretNotFound",
            "The Secret whose certificate the server must serve cannot be read",
            "spec.expect.matchSecret; Ingress spec.tls[].secretName",
            "Create the Secret (or fix its name and key); the check recovers by itself when it appears.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Optional<Finding> evaluate(CheckContext context) {
        ExpectedLeaf expected = context.want().expectedLeaf();
        if (expected == null || expected.problem() == null) {
            return Optional.empty();
        }
        return Optional.of(finding("cannot compare with the expected certificate: %s", expected.problem()));
    }
}
