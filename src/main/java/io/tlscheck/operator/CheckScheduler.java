package io.tlscheck.operator;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.tlscheck.engine.Inspector;
import io.tlscheck.engine.Report;

/**
 * Runs each TlsCheck's plan on its interval, off the reconcile threads. Reconciles hand in the
 * current plan and read back the latest run; when a run finishes, the {@link Listener} is told,
 * and asks for a reconcile so the status can be written. Probes run on virtual threads, at most
 * {@code maxConcurrent} at once; each is bounded by its timeout, so silent endpoints cannot
 * hold up healthy ones for longer than that. Waiting probes are bounded by the number of
 * TlsChecks and their endpoints. A run that newly finds an endpoint Unknown is repeated once
 * before it is reported ({@link UnknownConfirmation}).
 */
public final class CheckScheduler implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(CheckScheduler.class);
    /** After a restart, first checks are spread over this long (or the interval, if shorter). */
    static final Duration STARTUP_SPREAD = Duration.ofSeconds(60);
    /** Runs drift by up to this fraction of the interval, so checks created together spread out. */
    static final double JITTER = 0.1;

    /** When to run a new plan. */
    public enum Urgency {
        /** The spec or something it refers to changed, or it was never checked: now. */
        NOW,
        /** Already checked before this process started: at a random point soon, not all at once. */
        SPREAD
    }

    /** What the scheduler tells its owner, from its own threads. */
    public interface Listener {
        /** Whether the TlsCheck still exists; a deleted one is forgotten instead of checked. */
        boolean exists(ResourceID id);

        /** A run finished: record it and ask for a reconcile. */
        void finished(ResourceID id, CheckRun run);

        /** A TlsCheck turned out to be gone: drop what is kept about it. */
        void gone(ResourceID id);
    }

    private final Inspector inspector;
    private final Semaphore inFlight;
    private final Listener listener;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private final Map<ResourceID, Entry> entries = new ConcurrentHashMap<>();

    public CheckScheduler(Inspector inspector, int maxConcurrent, Listener listener, Clock clock) {
        this.inspector = inspector;
        this.inFlight = new Semaphore(maxConcurrent);
        this.listener = listener;
        this.clock = clock;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "tlscheck-scheduler");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The state of one TlsCheck. Guarded by its own monitor. */
    private static final class Entry {
        CheckPlan plan;
        ScheduledFuture<?> next;
        boolean running;
        boolean rerun;
        /** The run in progress is the second look at a new Unknown: report whatever it finds. */
        boolean confirming;
        CheckRun latest;
    }

    /**
     * Hands in the current plan. A new or changed plan is scheduled per {@code urgency}; an
     * unchanged one keeps its schedule. Returns the latest run of exactly this plan, if any.
     */
    public Optional<CheckRun> update(ResourceID id, CheckPlan plan, Urgency urgency) {
        Entry entry = entries.computeIfAbsent(id, k -> new Entry());
        synchronized (entry) {
            if (entry.plan == null || !entry.plan.fingerprint().equals(plan.fingerprint())) {
                entry.plan = plan;
                entry.confirming = false;
                if (entry.running) {
                    entry.rerun = true;
                } else {
                    schedule(id, entry, urgency == Urgency.NOW ? Duration.ZERO : spread(plan.interval()));
                }
            }
            CheckRun latest = entry.latest;
            return latest != null && latest.planFingerprint().equals(plan.fingerprint())
                    ? Optional.of(latest) : Optional.empty();
        }
    }

    /** Stops checking a TlsCheck (deleted, suspended or unresolvable). */
    public void forget(ResourceID id) {
        Entry entry = entries.remove(id);
        if (entry != null) {
            synchronized (entry) {
                if (entry.next != null) {
                    entry.next.cancel(false);
                }
            }
        }
    }

    public boolean knows(ResourceID id) {
        return entries.containsKey(id);
    }

    public int size() {
        return entries.size();
    }

    private void schedule(ResourceID id, Entry entry, Duration delay) {
        if (entry.next != null) {
            entry.next.cancel(false);
        }
        entry.next = timer.schedule(() -> Thread.ofVirtual().name("tlscheck-check").start(() -> run(id, entry)),
                delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run(ResourceID id, Entry entry) {
        CheckPlan plan;
        synchronized (entry) {
            if (entries.get(id) != entry || entry.running) {
                return;
            }
            entry.running = true;
            plan = entry.plan;
        }
        if (!listener.exists(id)) {
            forget(id);
            listener.gone(id);
            return;
        }
        CheckRun run = null;
        boolean held = false;
        try {
            run = check(plan);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.errorf("checking %s failed unexpectedly: %s", id, e.toString());
        } finally {
            synchronized (entry) {
                entry.running = false;
                held = run != null && !entry.confirming && !entry.rerun && UnknownConfirmation.needed(entry.latest, run);
                entry.confirming = held;
                if (run != null && !held) {
                    entry.latest = run;
                }
                if (entries.get(id) == entry) {
                    boolean again = entry.rerun;
                    entry.rerun = false;
                    schedule(id, entry, again ? Duration.ZERO
                            : held ? UnknownConfirmation.delay() : jittered(entry.plan.interval()));
                }
            }
        }
        if (run != null && !held) {
            listener.finished(id, run);
        }
    }

    /** Every endpoint of the plan at once, each holding one of the bounded in-flight permits. */
    private CheckRun check(CheckPlan plan) throws InterruptedException {
        long started = System.nanoTime();
        List<Future<Report>> futures = new ArrayList<>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (PlannedCheck check : plan.checks()) {
                futures.add(executor.submit(() -> {
                    inFlight.acquire();
                    try {
                        return inspector.inspect(check.request());
                    } finally {
                        inFlight.release();
                    }
                }));
            }
            List<EndpointResult> results = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                try {
                    results.add(new EndpointResult(plan.checks().get(i).endpoint(), futures.get(i).get()));
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("inspection failed", e.getCause());
                }
            }
            return new CheckRun(plan.fingerprint(), clock.instant(), Duration.ofNanos(System.nanoTime() - started),
                    results);
        }
    }

    static Duration jittered(Duration interval) {
        long millis = interval.toMillis();
        long spread = (long) (millis * JITTER);
        return Duration.ofMillis(millis - spread + ThreadLocalRandom.current().nextLong(2 * spread + 1));
    }

    static Duration spread(Duration interval) {
        long bound = Math.min(interval.toMillis(), STARTUP_SPREAD.toMillis());
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(bound + 1));
    }

    @Override
    public void close() {
        timer.shutdownNow();
        entries.clear();
    }
}
