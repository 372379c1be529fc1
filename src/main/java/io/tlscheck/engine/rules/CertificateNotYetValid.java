package io.tlscheck.engine.rules;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.tlscheck.engine.Durations;
import io.tlscheck.engine.Finding;
import io.tlscheck.engine.Severity;

/**
 * RFC 5280 §4.1.2.5: a certificate before its notBefore is invalid. Usually a clock is wrong,
 * here or where it was issued; clients reject it all the same, so it is Failing.
 */
final class CertificateNotYetValid implements Rule {
    private static final RuleInfo INFO = new RuleInfo("validity.not-yet-valid", Severity.FAILING,
            "CertificateNotYetValid",
            "A certificate on the path is not valid yet",
            "RFC 5280 §4.1.2.5, §6.1.3",
            "Check the clocks of this checker and of the issuing system; reissue the certificate "
                    + "with a notBefore in the past.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Optional<Finding> evaluate(CheckContext context) {
        for (X509Certificate cert : PathScope.certificates(context)) {
            Instant notBefore = cert.getNotBefore().toInstant();
            if (notBefore.isAfter(context.now())) {
                return Optional.of(finding("%s is not valid until %s (in %s)", Wording.certificate(context, cert),
                        Wording.date(notBefore), Durations.words(Duration.between(context.now(), notBefore))));
            }
        }
        return Optional.empty();
    }
}
