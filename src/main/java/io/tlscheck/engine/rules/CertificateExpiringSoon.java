package io.tlscheck.engine.rules;

import java.time.Duration;
import java.util.Optional;

import io.tlscheck.engine.Finding;
import io.tlscheck.engine.Severity;

/**
 * A certificate expiring within the warning window (30 days by default) while renewal should
 * already have happened: time to look, not yet an outage. Inside the critical window the
 * Failing rule takes over, so each certificate is reported by one of the two only.
 */
final class CertificateExpiringSoon implements Rule {
    private static final RuleInfo INFO = new RuleInfo("validity.expiring", Severity.WARNING, "CertificateExpiringSoon",
            "A certificate on the path expires within the warning window",
            "RFC 5280 §4.1.2.5",
            "Renew the certificate and reload the server; check that renewal automation "
                    + "(cert-manager, certbot) is running.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Optional<Finding> evaluate(CheckContext context) {
        Duration warning = context.want().expiryWarning();
        Duration critical = context.want().expiryCritical();
        return ExpiryWindow.soonest(this, context, left -> left.compareTo(critical) > 0 && left.compareTo(warning) <= 0);
    }
}
