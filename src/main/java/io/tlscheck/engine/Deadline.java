package io.tlscheck.engine;

import java.time.Duration;

/** A point in time that bounds a whole operation; each step asks it how long it may still take. */
public final class Deadline {
    private final long endNanos;

    private Deadline(long endNanos) {
        this.endNanos = endNanos;
    }

    public static Deadline after(Duration budget) {
        return new Deadline(System.nanoTime() + budget.toNanos());
    }

    public Duration remaining() {
        long left = endNanos - System.nanoTime();
        return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
    }

    public boolean expired() {
        return endNanos - System.nanoTime() <= 0;
    }

    /** Remaining milliseconds as a socket timeout: at least 1, because 0 would mean forever. */
    public int socketTimeoutMillis() {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, remaining().toMillis()));
    }

    /** The smaller of the remaining time and {@code cap}. */
    public Duration remainingAtMost(Duration cap) {
        Duration left = remaining();
        return left.compareTo(cap) < 0 ? left : cap;
    }
}
