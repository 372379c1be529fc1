package io.tlscheck.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.tlscheck.engine.CheckRequest;
import io.tlscheck.engine.Inspector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tlscheck bench}: repeats the full check (fresh handshake, path building, every rule)
 * from N concurrent virtual threads for a fixed time, and prints the rate and latencies.
 */
@Command(name = "bench", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Repeat the full check against HOST:PORT and report checks/s and latency percentiles.")
final class BenchCommand implements Callable<Integer> {
    private static final Duration MAX_DURATION = Duration.ofMinutes(10);

    @Parameters(index = "0", paramLabel = "HOST:PORT", description = "Endpoint to check.")
    String target;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    ExpectationOptions expectations;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "8",
            description = "Checks in flight at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
            description = "How long to measure, at most 10m (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--warmup", paramLabel = "DURATION", defaultValue = "2s", converter = DurationConverter.class,
            description = "Unmeasured run first, at least this long (default: ${DEFAULT-VALUE}); 0s for none.")
    Duration warmup;

    @Option(names = "--warmup-max", paramLabel = "DURATION", defaultValue = "45s", converter = DurationConverter.class,
            description = "Then keep warming up until the JIT compiler has settled, at most this long in all "
                    + "(default: ${DEFAULT-VALUE}); equal to --warmup for a fixed warm-up.")
    Duration warmupMax;

    @Option(names = "--max-checks", paramLabel = "N", defaultValue = "10000000",
            description = "Stop after this many measured checks (default: ${DEFAULT-VALUE}).")
    long maxChecks;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (concurrency < 1 || concurrency > 1024) {
            throw new UsageException("--concurrency must be between 1 and 1024");
        }
        if (duration.isZero()) {
            throw new UsageException("--duration must be longer than zero");
        }
        if (duration.compareTo(MAX_DURATION) > 0 || warmup.compareTo(MAX_DURATION) > 0
                || warmupMax.compareTo(MAX_DURATION) > 0) {
            throw new UsageException("--duration, --warmup and --warmup-max are limited to 10m");
        }
        HostPort hostPort = HostPort.parse(target);
        CheckRequest request = CheckRequest.of(connection.endpoint(hostPort), connection.probeOptions(),
                expectations.expectations(), connection.trustAnchors());
        Inspector inspector = Engines.inspector();
        LoadRun run = new LoadRun(inspector, request, concurrency);
        JitWarmup.Outcome warmedUp = warmup.isZero() ? null
                : JitWarmup.run(run, warmup, warmupMax.compareTo(warmup) < 0 ? warmup : warmupMax, maxChecks);
        LoadRun.Result result = run.measure(duration, maxChecks);

        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%.1f checks/s  (%d checks in %.1f s, %d concurrent, %s)%n", result.checksPerSecond(),
                result.checks(), result.elapsed().toNanos() / 1e9, concurrency, request.endpoint());
        out.printf(Locale.ROOT, "latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                result.percentileMillis(50), result.percentileMillis(90), result.percentileMillis(99),
                result.percentileMillis(100));
        if (result.cpuMillisPerCheck() >= 0) {
            out.printf(Locale.ROOT, "cpu %.3f ms per check (process CPU time, %.2f cores busy)%n",
                    result.cpuMillisPerCheck(), result.coresBusy());
        }
        out.printf(Locale.ROOT, "verdicts %s%n", result.verdicts());
        if (warmedUp != null) {
            out.println(warmedUp.describe());
        }
        out.flush();
        return result.checks() == 0 ? 2 : 0;
    }
}
