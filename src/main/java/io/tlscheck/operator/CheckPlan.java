package io.tlscheck.operator;

import java.time.Duration;
import java.util.List;

/**
 * Everything needed to check one TlsCheck now: its endpoints with their requests, how often,
 * and a fingerprint of all inputs (spec, resolved endpoints, referenced certificates). A new
 * fingerprint means "something the result depends on changed": check at once.
 */
public record CheckPlan(List<PlannedCheck> checks, Duration interval, String fingerprint) {
    public CheckPlan {
        checks = List.copyOf(checks);
    }
}
