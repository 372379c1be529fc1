package io.tlscheck.cli.check;

import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A progress line on stderr once a run takes more than a moment: redrawn in place on a
 * terminal, a plain line every few seconds in a CI log. Silent for quick runs.
 */
public final class Progress implements AutoCloseable {
    private static final long FIRST_AFTER_MS = 1_000;

    private final PrintWriter err;
    private final int total;
    private final boolean terminal;
    private final AtomicInteger done = new AtomicInteger();
    private final ScheduledExecutorService timer;
    private volatile boolean printed;

    public Progress(PrintWriter err, int total, boolean terminal) {
        this.err = err;
        this.total = total;
        this.terminal = terminal;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tlscheck-progress");
            t.setDaemon(true);
            return t;
        });
        long period = terminal ? 250 : 3_000;
        timer.scheduleAtFixedRate(this::show, FIRST_AFTER_MS, period, TimeUnit.MILLISECONDS);
    }

    public void completed() {
        done.incrementAndGet();
    }

    private void show() {
        String line = "tlscheck: " + done.get() + "/" + total + " checks done";
        if (terminal) {
            err.print("\r" + line);
        } else {
            err.println(line);
        }
        err.flush();
        printed = true;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        if (printed && terminal) {
            err.print("\r" + " ".repeat(40) + "\r");
            err.flush();
        }
    }
}
