package io.tlscheck.operator;

import java.util.Optional;

/**
 * How many probes the operator runs at once. A probe's timeout runs from the moment it starts,
 * and handshakes share the CPU: with hundreds in flight on two cores, each one waits so long for
 * the processor that healthy endpoints time out (1,000 TlsChecks created at once, 256 in flight:
 * 112 spurious HandshakeTimeouts; 64 in flight: none, and a shorter p99; see README,
 * Performance). So the default follows the cores the JVM may use (in a container, its CPU
 * limit): {@value #PER_CORE} per core, enough to keep that many network round trips waiting,
 * up to {@value #DEFAULT_CEILING}: the chart sets no CPU limit, so a big node must not turn into
 * thousands of open sockets and their buffers in a 128 MiB heap.
 */
final class InFlightLimit {
    static final int PER_CORE = 32;
    static final int DEFAULT_CEILING = 256;

    private InFlightLimit() {
    }

    /** The configured limit, or {@value #PER_CORE} per core up to {@value #DEFAULT_CEILING}; bad configuration stops the start. */
    static int of(Optional<Integer> configured, int cores) {
        if (configured.isEmpty()) {
            return Math.min(DEFAULT_CEILING, PER_CORE * Math.max(1, cores));
        }
        int limit = configured.get();
        if (limit < 1) {
            throw new IllegalArgumentException("tlscheck.max-concurrent-checks (TLSCHECK_MAX_CONCURRENT_CHECKS) must be"
                    + " at least 1, got " + limit);
        }
        return limit;
    }
}
