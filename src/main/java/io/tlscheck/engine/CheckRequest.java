package io.tlscheck.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * One complete check: where, how, held to what, trusting whom.
 *
 * @param endpoint           what to probe
 * @param probe              how to connect
 * @param expect             the validation policy
 * @param trust              the anchors a chain must end at
 * @param enumerate          whether to enumerate protocol versions and cipher suites
 * @param enumerationBudget  upper bound for the whole enumeration
 */
public record CheckRequest(Endpoint endpoint, ProbeOptions probe, Expectations expect, TrustAnchors trust,
                           boolean enumerate, Duration enumerationBudget) {

    public static final Duration DEFAULT_ENUMERATION_BUDGET = Duration.ofSeconds(60);

    public CheckRequest {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(expect, "expect");
        Objects.requireNonNull(trust, "trust");
        enumerationBudget = enumerationBudget == null ? DEFAULT_ENUMERATION_BUDGET : enumerationBudget;
    }

    public static CheckRequest of(Endpoint endpoint, ProbeOptions probe, Expectations expect, TrustAnchors trust) {
        return new CheckRequest(endpoint, probe, expect, trust, false, null);
    }
}
