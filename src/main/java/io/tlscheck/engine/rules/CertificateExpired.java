package io.tlscheck.engine.rules;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.tlscheck.engine.Durations;
import io.tlscheck.engine.Finding;
import io.tlscheck.engine.Severity;

/**
 * RFC 5280 §4.1.2.5: a certificate past its notAfter is invalid. Checked on every certificate
 * on the path except the trust anchor, whose validity the trust store vouches for.
 */
final class CertificateExpired implements Rule {
    private static final RuleInfo INFO = new RuleInfo("validity.expired", Severity.FAILING, "CertificateExpired",
            "A certificate on the path has expired",
            "RFC 5280 §4.1.2.5, §6.1.3",
            "Renew the certificate and reload the server; check that renewal automation is running.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Optional<Finding> evaluate(CheckContext context) {
        for (X509Certificate cert : PathScope.certificates(context)) {
            Instant notAfter = cert.getNotAfter().toInstant();
            if (notAfter.isBefore(context.now())) {
                Duration ago = Duration.between(notAfter, context.now());
                return Optional.of(finding("%s expired %s ago (%s)",
                        Wording.certificate(context, cert), Durations.words(ago), Wording.date(notAfter)));
            }
        }
        return Optional.empty();
    }
}
