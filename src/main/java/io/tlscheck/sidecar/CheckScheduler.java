package io.tlscheck.sidecar;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.random.RandomGenerator;

import io.tlscheck.engine.Inspector;
import io.tlscheck.engine.Report;
import io.tlscheck.engine.Verdict;
import io.tlscheck.metrics.CheckMetrics;

/**
 * Runs every check on its own schedule: the first run at once, the next ones as {@link Pacing}
 * says, measured from the start of the previous run and never overlapping it. Probes run on
 * virtual threads, at most {@code parallel} at a time; each is bounded by its spec's timeout
 * inside the engine, so a silent endpoint holds one slot for at most that long. Every result
 * goes to the metrics and the states; a changed verdict and a flip of readiness are logged.
 */
final class CheckScheduler implements AutoCloseable {
    private final List<SidecarCheck> checks;
    private final Inspector inspector;
    private final CheckMetrics metrics;
    private final Pacing pacing;
    private final SidecarLog log;
    private final Clock clock;
    private final Semaphore slots;
    private final Map<SidecarCheck, CheckState> states = new ConcurrentHashMap<>();
    private final AtomicReference<String> lastReadiness = new AtomicReference<>();
    private final RandomGenerator random = RandomGenerator.getDefault();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("tlscheck-timer").factory());
    private final ExecutorService probes = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("tlscheck-probe-", 0).factory());
    private volatile boolean closed;

    CheckScheduler(List<SidecarCheck> checks, Inspector inspector, CheckMetrics metrics, Pacing pacing, int parallel,
                   SidecarLog log, Clock clock) {
        this.checks = List.copyOf(checks);
        this.inspector = inspector;
        this.metrics = metrics;
        this.pacing = pacing;
        this.log = log;
        this.clock = clock;
        this.slots = new Semaphore(parallel);
    }

    void start() {
        for (SidecarCheck check : checks) {
            if (check.suspended()) {
                log.info(check.key() + " " + check.target() + ": suspended (spec.suspend), not checked");
            } else {
                submit(check, 0);
            }
        }
    }

    /** The last result of a check, or {@code null} before its first. */
    CheckState state(SidecarCheck check) {
        return states.get(check);
    }

    Health readiness() {
        return Health.ready(checks, this::state);
    }

    private void submit(SidecarCheck check, int unknownStreak) {
        try {
            probes.execute(() -> run(check, unknownStreak));
        } catch (RejectedExecutionException e) {
            // Closing: the check is not run again.
        }
    }

    private void run(SidecarCheck check, int unknownStreak) {
        long started = System.nanoTime();
        Verdict verdict;
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            return;
        }
        try {
            verdict = runOnce(check);
        } finally {
            slots.release();
        }
        if (closed) {
            return;
        }
        int streak = verdict == Verdict.UNKNOWN ? unknownStreak + 1 : 0;
        long delay = pacing.next(check.interval(), streak, random).toNanos() - (System.nanoTime() - started);
        try {
            timer.schedule(() -> submit(check, streak), Math.max(0, delay), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // Closing.
        }
    }

    private Verdict runOnce(SidecarCheck check) {
        long started = System.nanoTime();
        try {
            Report report = inspector.inspect(check.request());
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            if (!closed) {
                metrics.record(check.key(), List.of(report), elapsed);
                update(check, report.verdict(), report.reason(), report.message());
            }
            return report.verdict();
        } catch (RuntimeException e) {
            // A bug, not a verdict on the endpoint: say so, and try again later.
            update(check, Verdict.UNKNOWN, "ProbeError", "internal error: " + e);
            return Verdict.UNKNOWN;
        }
    }

    private void update(SidecarCheck check, Verdict verdict, String reason, String message) {
        CheckState previous = states.get(check);
        states.put(check, CheckState.next(previous, verdict, reason, message, clock.instant()));
        if (previous == null || previous.verdict() != verdict) {
            log.info(check.key() + " " + check.target() + ": " + (previous == null ? "" : previous.verdict() + " -> ")
                    + verdict + (reason.equals(verdict.displayName()) ? "" : " (" + reason + ")") + ": " + message);
        }
        if (check.readiness()) {
            logReadinessChange();
        }
    }

    private synchronized void logReadinessChange() {
        String now = readiness().summary();
        if (!now.equals(lastReadiness.getAndSet(now))) {
            log.info("readiness " + now);
        }
    }

    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        probes.shutdownNow();
        try {
            probes.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
