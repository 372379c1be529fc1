package io.tlscheck.sidecar;

import java.time.Instant;

import io.tlscheck.engine.Verdict;

/**
 * The last result of one check.
 *
 * @param verdict        the last verdict
 * @param reason         CamelCase reason of the worst finding
 * @param message        one line for a person
 * @param checkedAt      when that check finished
 * @param lastConclusive the last verdict other than Unknown (the certificate was seen), or {@code null}
 *                       while there has been none
 */
record CheckState(Verdict verdict, String reason, String message, Instant checkedAt, Verdict lastConclusive) {

    /** The state after one more result: Unknown keeps the last conclusive verdict. */
    static CheckState next(CheckState previous, Verdict verdict, String reason, String message, Instant at) {
        Verdict conclusive = verdict != Verdict.UNKNOWN ? verdict : previous == null ? null : previous.lastConclusive();
        return new CheckState(verdict, reason, message, at, conclusive);
    }
}
