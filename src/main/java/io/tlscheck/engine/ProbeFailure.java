package io.tlscheck.engine;

import java.util.Objects;

/**
 * Why a probe did not yield a usable TLS session.
 *
 * @param kind    the category
 * @param message one line a person understands, without a stack trace
 */
public record ProbeFailure(FailureKind kind, String message) {
    public ProbeFailure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    /** The failure as a finding, so reports list it the same way as rule findings. */
    public Finding asFinding() {
        // Even an UNKNOWN failure is a failed check for the reader; the verdict keeps the nuance.
        return new Finding(kind.id(), Severity.FAILING, kind.reason(), message, kind.remedy());
    }
}
