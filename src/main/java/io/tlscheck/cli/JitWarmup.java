package io.tlscheck.cli;

import java.time.Duration;
import java.util.Locale;

/**
 * The unmeasured part of {@code tlscheck bench}: a fixed minimum, then more slices until the
 * JIT compiler has settled. A TLS handshake runs through so much JDK code that, on two cores,
 * C2 keeps compiling for half a minute and takes a third of the CPU while it does (bench/README.md):
 * counting checks during that time measures the compiler, not the check a long-running
 * operator or sidecar performs. Settled means the compilers used less than {@link #SETTLED_SHARE}
 * of a core during a slice ({@link JitActivity}).
 */
final class JitWarmup {
    static final Duration SLICE = Duration.ofSeconds(2);
    static final double SETTLED_SHARE = 0.05;

    private JitWarmup() {
    }

    /** How long the warm-up took and why it stopped. */
    record Outcome(Duration elapsed, boolean settled) {
        String describe() {
            return String.format(Locale.ROOT, "warm-up %.1f s (%s)", elapsed.toNanos() / 1e9,
                    settled ? "JIT compiler settled" : "time limit; the JIT compiler was still busy");
        }
    }

    static Outcome run(LoadRun load, Duration minimum, Duration maximum, long maxChecks) throws InterruptedException {
        long start = System.nanoTime();
        if (!minimum.isZero()) {
            load.measure(minimum, maxChecks);
        }
        JitActivity jit = new JitActivity();
        if (!jit.measurable()) {
            return new Outcome(Duration.ofNanos(System.nanoTime() - start), false);
        }
        while (true) {
            Duration left = maximum.minus(Duration.ofNanos(System.nanoTime() - start));
            if (left.isNegative() || left.isZero()) {
                return new Outcome(Duration.ofNanos(System.nanoTime() - start), false);
            }
            Duration slice = left.compareTo(SLICE) < 0 ? left : SLICE;
            jit.mark();
            load.measure(slice, maxChecks);
            if (jit.busySinceMark() < SETTLED_SHARE) {
                return new Outcome(Duration.ofNanos(System.nanoTime() - start), true);
            }
        }
    }
}
