package io.tlscheck.sidecar;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The sidecar's log: one line per event, timestamped, on the stream a container runtime
 * collects. Callers pass verdicts, reasons and engine messages, which name certificates but
 * never carry key material or Secret contents.
 */
public final class SidecarLog {
    private final PrintWriter out;

    public SidecarLog(PrintWriter out) {
        this.out = out;
    }

    public void info(String message) {
        write("INFO ", message);
    }

    public void warn(String message) {
        write("WARN ", message);
    }

    private synchronized void write(String level, String message) {
        out.println(Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + level + " " + message);
        out.flush();
    }
}
