package io.tlscheck.operator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A finished check of every endpoint of a plan. */
public record CheckRun(String planFingerprint, Instant finishedAt, Duration elapsed, List<EndpointResult> results) {
    public CheckRun {
        results = List.copyOf(results);
    }
}
