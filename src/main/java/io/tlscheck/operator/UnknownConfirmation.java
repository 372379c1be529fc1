package io.tlscheck.operator;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import io.tlscheck.engine.Verdict;

/**
 * An endpoint that newly ends Unknown (nothing answered, or not in time) is checked once more
 * before the result is reported, a few seconds later. A timeout says as much about this process
 * as about the peer: when a thousand TlsChecks arrive at once (an Argo CD sync), handshakes
 * wait for the CPU and healthy endpoints time out; a network blip does the same. Without a
 * second look each of those is a Ready=False, an Event, two status writes and a page. A peer
 * that is really down is reported one timeout and a few seconds later. Certificate findings
 * (Failing, Warning) are never held back: they come from a certificate that was seen.
 */
final class UnknownConfirmation {
    /** The second look comes after a random pause in this range, so a burst's retries spread out. */
    static final Duration MIN_DELAY = Duration.ofSeconds(1);
    static final Duration MAX_DELAY = Duration.ofSeconds(5);

    private UnknownConfirmation() {
    }

    /** Whether {@code current} has more Unknown endpoints than the run last reported ({@code null}: none yet). */
    static boolean needed(CheckRun reported, CheckRun current) {
        return unknowns(current) > (reported == null ? 0 : unknowns(reported));
    }

    static Duration delay() {
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(MIN_DELAY.toMillis(), MAX_DELAY.toMillis() + 1));
    }

    private static long unknowns(CheckRun run) {
        return run.results().stream().filter(r -> r.report().verdict() == Verdict.UNKNOWN).count();
    }
}
