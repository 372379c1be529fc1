package io.tlscheck.cli;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

import io.tlscheck.engine.CheckRequest;
import io.tlscheck.engine.Deadline;
import io.tlscheck.engine.Inspector;
import io.tlscheck.engine.Verdict;

/**
 * A closed-loop load: {@code concurrency} workers, each running one check after another until
 * the time or the count runs out. Latencies are kept per worker (no contention) and merged.
 */
final class LoadRun {
    /** Latencies kept per worker, enough for several minutes at loopback rates. */
    private static final int MAX_SAMPLES_PER_WORKER = 1 << 20;

    private final Inspector inspector;
    private final CheckRequest request;
    private final int concurrency;

    LoadRun(Inspector inspector, CheckRequest request, int concurrency) {
        this.inspector = inspector;
        this.request = request;
        this.concurrency = concurrency;
    }

    Result measure(Duration duration, long maxChecks) throws InterruptedException {
        Deadline deadline = Deadline.after(duration);
        AtomicLong budget = new AtomicLong(maxChecks);
        Map<Verdict, LongAdder> verdicts = new ConcurrentHashMap<>();
        long[][] samples = new long[concurrency][];
        int[] counts = new int[concurrency];
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?>[] running = new Future<?>[concurrency];
            for (int w = 0; w < concurrency; w++) {
                int worker = w;
                running[w] = workers.submit(() -> {
                    long[] mine = new long[1024];
                    int n = 0;
                    while (!deadline.expired() && budget.getAndDecrement() > 0) {
                        long t = System.nanoTime();
                        Verdict verdict = inspector.inspect(request).verdict();
                        long elapsed = System.nanoTime() - t;
                        verdicts.computeIfAbsent(verdict, v -> new LongAdder()).increment();
                        if (n == mine.length && n < MAX_SAMPLES_PER_WORKER) {
                            mine = Arrays.copyOf(mine, Math.min(n * 2, MAX_SAMPLES_PER_WORKER));
                        }
                        if (n < mine.length) {
                            mine[n++] = elapsed;
                        }
                    }
                    samples[worker] = mine;
                    counts[worker] = n;
                });
            }
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("a benchmark worker failed", e.getCause());
                }
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        long cpu = processCpuNanos() - cpuStart;
        long[] all = new long[Arrays.stream(counts).sum()];
        int at = 0;
        for (int w = 0; w < concurrency; w++) {
            System.arraycopy(samples[w], 0, all, at, counts[w]);
            at += counts[w];
        }
        Arrays.sort(all);
        long total = verdicts.values().stream().mapToLong(LongAdder::sum).sum();
        Map<Verdict, Long> byVerdict = new EnumMap<>(Verdict.class);
        verdicts.forEach((v, n) -> byVerdict.put(v, n.sum()));
        return new Result(total, elapsed, all, byVerdict, cpu < 0 ? -1 : cpu);
    }

    /**
     * CPU time of the whole JVM (every thread: checks, GC, JIT), or -1 where the platform does
     * not tell. Per check it stays meaningful on a busy machine, where the rate does not.
     */
    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long nanos = os.getProcessCpuTime();
            return nanos >= 0 ? nanos : -1;
        }
        return -1;
    }

    /**
     * Checks completed, wall time, sorted latencies (nanoseconds), how they were judged, and the
     * process CPU time spent meanwhile (nanoseconds, -1 when unknown).
     */
    record Result(long checks, Duration elapsed, long[] sortedLatencies, Map<Verdict, Long> verdictCounts,
                  long cpuNanos) {
        double checksPerSecond() {
            return checks / (elapsed.toNanos() / 1e9);
        }

        /** Process CPU milliseconds per check, or -1 when unknown or nothing was checked. */
        double cpuMillisPerCheck() {
            return cpuNanos < 0 || checks == 0 ? -1 : cpuNanos / 1e6 / checks;
        }

        /** Process CPU time over wall time: 1.0 is one core busy all along; -1 when unknown. */
        double coresBusy() {
            return cpuNanos < 0 ? -1 : (double) cpuNanos / elapsed.toNanos();
        }

        double percentileMillis(int percentile) {
            if (sortedLatencies.length == 0) {
                return 0;
            }
            int index = (int) Math.ceil(percentile / 100.0 * sortedLatencies.length) - 1;
            return sortedLatencies[Math.max(0, Math.min(index, sortedLatencies.length - 1))] / 1e6;
        }

        String verdicts() {
            return verdictCounts.entrySet().stream()
                    .map(e -> e.getKey().displayName() + " " + e.getValue())
                    .collect(Collectors.joining(", "));
        }
    }
}
