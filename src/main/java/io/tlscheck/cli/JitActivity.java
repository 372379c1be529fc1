package io.tlscheck.cli;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * How busy the JIT compilers are, as a share of one core. On Linux it is the CPU time of the
 * JVM's compiler threads (/proc/self/task), which also counts a long compilation still under
 * way; elsewhere the JVM's compilation time, which only grows when a compilation finishes, so
 * a long one can pass for quiet there.
 */
final class JitActivity {
    private static final Path TASKS = Path.of("/proc/self/task");
    /** USER_HZ, the unit of utime and stime in /proc; 100 on every Linux the JDK supports. */
    private static final double TICKS_PER_SECOND = 100;

    private final CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    private Map<String, Long> lastTicks;
    private long lastCompileMillis;
    private long lastNanos;

    /** Whether anything can be measured at all. */
    boolean measurable() {
        return Files.isDirectory(TASKS) || jit != null && jit.isCompilationTimeMonitoringSupported();
    }

    /** Starts a measurement interval. */
    void mark() {
        lastTicks = compilerThreadTicks();
        lastCompileMillis = jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
        lastNanos = System.nanoTime();
    }

    /** Share of one core the compilers used since {@link #mark()}. */
    double busySinceMark() {
        double seconds = (System.nanoTime() - lastNanos) / 1e9;
        Map<String, Long> now = compilerThreadTicks();
        if (lastTicks != null && now != null) {
            long ticks = 0;
            for (Map.Entry<String, Long> thread : now.entrySet()) {
                // A compiler thread started meanwhile counts from zero; one that ended is gone.
                ticks += thread.getValue() - lastTicks.getOrDefault(thread.getKey(), 0L);
            }
            return ticks / TICKS_PER_SECOND / seconds;
        }
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            return 1.0; // Cannot tell: call it busy, so the warm-up runs to its limit.
        }
        return (jit.getTotalCompilationTime() - lastCompileMillis) / 1e3 / seconds;
    }

    /** utime + stime of each thread named like a HotSpot compiler thread, or null off Linux. */
    private static Map<String, Long> compilerThreadTicks() {
        if (!Files.isDirectory(TASKS)) {
            return null;
        }
        Map<String, Long> ticks = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim();
                    if (!name.startsWith("C1 Compiler") && !name.startsWith("C2 Compiler")) {
                        continue;
                    }
                    String stat = Files.readString(task.resolve("stat"));
                    // Fields after the parenthesised name: state is field 3, utime 14, stime 15.
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.put(task.getFileName().toString(), Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
                } catch (IOException | RuntimeException threadEnded) {
                    // The thread exited between listing and reading: nothing to count.
                }
            }
        } catch (IOException e) {
            return null;
        }
        return ticks;
    }
}
