package io.tlscheck.engine.rules;

import java.time.Duration;
import java.util.Optional;

import io.tlscheck.engine.Finding;
import io.tlscheck.engine.Severity;

/**
 * A certificate expiring within the critical window (7 days by default): renewal has failed
 * for long enough that the endpoint is about to break, so it is Failing before it breaks.
 */
final class CertificateExpiringCritical implements Rule {
    private static final RuleInfo INFO = new RuleInfo("validity.expiring-critical", Severity.FAILING,
            "CertificateExpiringSoon",
            "A certificate on the path expires within the critical window",
            "RFC 5280 §4.1.2.5",
            "Renew the certificate now and reload the server; then find out why automatic renewal "
                    + "did not happen in time.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Optional<Finding> evaluate(CheckContext context) {
        Duration critical = context.want().expiryCritical();
        return ExpiryWindow.soonest(this, context, left -> left.compareTo(critical) <= 0);
    }
}
