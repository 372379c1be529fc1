package io.tlscheck.engine;

import java.time.Duration;

/**
 * How long each phase of a probe took; a phase that did not run is {@link Duration#ZERO}.
 */
public record Timings(Duration dns, Duration connect, Duration startTls, Duration handshake, Duration total) {
    public static final Timings NONE = new Timings(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);
}
