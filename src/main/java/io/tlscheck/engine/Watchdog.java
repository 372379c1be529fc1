package io.tlscheck.engine;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Closes a socket when its deadline passes. Socket read timeouts bound each read, but a peer
 * that drips one byte per second would keep a handshake alive forever; closing the socket
 * bounds the whole exchange. One daemon thread serves every probe in the process.
 */
final class Watchdog {
    private static final ScheduledThreadPoolExecutor TIMER = createTimer();

    private Watchdog() {
    }

    /** Closes {@code resource} after {@code delay} unless the returned handle is closed first. */
    static Armed arm(Closeable resource, Duration delay) {
        ScheduledFuture<?> task = TIMER.schedule(() -> closeQuietly(resource), delay.toNanos(), TimeUnit.NANOSECONDS);
        return () -> task.cancel(false);
    }

    /** Cancels the pending close. */
    interface Armed extends AutoCloseable {
        @Override
        void close();
    }

    private static void closeQuietly(Closeable resource) {
        try {
            resource.close();
        } catch (IOException e) {
            // Already closed or broken: either way it is no longer in use.
        }
    }

    private static ScheduledThreadPoolExecutor createTimer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "tlscheck-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        // Cancelled tasks would otherwise stay queued until their (often distant) due time.
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
