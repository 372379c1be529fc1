package io.tlscheck.engine.rules;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

import io.tlscheck.engine.Durations;
import io.tlscheck.engine.Finding;

/**
 * What the two expiry-window rules share: the certificate on the path that expires first
 * among those whose remaining time falls in the rule's window. Expired certificates are left
 * out: {@code validity.expired} reports them, and one problem is reported once.
 */
final class ExpiryWindow {
    private ExpiryWindow() {
    }

    /** The finding for the soonest certificate whose remaining validity {@code inWindow} accepts. */
    static Optional<Finding> soonest(Rule rule, CheckContext context, Predicate<Duration> inWindow) {
        X509Certificate soonest = null;
        Duration soonestLeft = null;
        for (X509Certificate cert : PathScope.certificates(context)) {
            Duration left = Duration.between(context.now(), cert.getNotAfter().toInstant());
            if (!left.isNegative() && inWindow.test(left) && (soonestLeft == null || left.compareTo(soonestLeft) < 0)) {
                soonest = cert;
                soonestLeft = left;
            }
        }
        if (soonest == null) {
            return Optional.empty();
        }
        Instant notAfter = soonest.getNotAfter().toInstant();
        return Optional.of(rule.finding("%s expires in %s (%s)", Wording.certificate(context, soonest),
                Durations.words(soonestLeft), Wording.date(notAfter)));
    }
}
