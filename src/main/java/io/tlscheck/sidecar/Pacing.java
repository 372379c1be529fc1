package io.tlscheck.sidecar;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * When a check runs next. Each check runs on its spec's interval with ±10% jitter, so checks
 * that started together drift apart. A check whose last verdict was Unknown (nothing answered,
 * or not in time) is retried sooner, after {@code firstRetry} and then twice as long each time
 * up to the interval: an app that was not listening yet when the sidecar started is seen
 * within seconds, not a whole interval later.
 *
 * @param intervalScale multiplies every interval; 1 in production, smaller in tests (the spec
 *                      itself cannot ask for less than 10s)
 * @param firstRetry    delay of the first retry after an Unknown verdict
 */
public record Pacing(double intervalScale, Duration firstRetry) {
    public static final Pacing SPEC = new Pacing(1.0, Duration.ofSeconds(2));
    private static final double JITTER = 0.10;
    private static final int MAX_DOUBLINGS = 16;

    public Pacing {
        if (!(intervalScale > 0) || firstRetry.isNegative() || firstRetry.isZero()) {
            throw new IllegalArgumentException("intervalScale and firstRetry must be positive");
        }
    }

    /** Delay from the start of one run to the start of the next. */
    Duration next(Duration interval, int unknownStreak, RandomGenerator random) {
        double factor = intervalScale * (1 - JITTER + 2 * JITTER * random.nextDouble());
        Duration jittered = Duration.ofNanos((long) (interval.toNanos() * factor));
        if (unknownStreak <= 0) {
            return jittered;
        }
        Duration retry = firstRetry.multipliedBy(1L << Math.min(unknownStreak - 1, MAX_DOUBLINGS));
        return retry.compareTo(jittered) < 0 ? retry : jittered;
    }
}
