package io.tlscheck.engine.revocation;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Optional;

/**
 * Whether an OCSP response or a CRL may be relied on now: its thisUpdate..nextUpdate window,
 * widened by a little clock skew. An answer without nextUpdate is accepted for
 * {@link #MAX_AGE_WITHOUT_NEXT_UPDATE}, the longest validity the CA/B Baseline Requirements
 * (§4.9.7, §4.9.10) allow a CRL or OCSP response.
 */
final class Freshness {
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    static final Duration MAX_AGE_WITHOUT_NEXT_UPDATE = Duration.ofDays(10);

    private Freshness() {
    }

    /** Why the answer cannot be relied on at {@code now}, or empty when it can. */
    static Optional<String> problem(Date thisUpdate, Date nextUpdate, Instant now) {
        if (thisUpdate == null) {
            return Optional.of("has no thisUpdate");
        }
        Instant from = thisUpdate.toInstant();
        if (from.isAfter(now.plus(CLOCK_SKEW))) {
            return Optional.of("is dated in the future (thisUpdate " + seconds(from) + ")");
        }
        if (nextUpdate != null) {
            Instant until = nextUpdate.toInstant();
            return until.isBefore(now.minus(CLOCK_SKEW))
                    ? Optional.of("is stale (nextUpdate " + seconds(until) + " has passed)")
                    : Optional.empty();
        }
        return from.isBefore(now.minus(MAX_AGE_WITHOUT_NEXT_UPDATE))
                ? Optional.of("is stale (thisUpdate " + seconds(from) + ", no nextUpdate)")
                : Optional.empty();
    }

    private static Instant seconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }
}
