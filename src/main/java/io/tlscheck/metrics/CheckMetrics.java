package io.tlscheck.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.tlscheck.engine.Report;
import io.tlscheck.engine.Verdict;

/**
 * The Prometheus series of tlscheck, shared by the operator and the sidecar:
 * <ul>
 * <li>{@code tlscheck_certificate_expiry_timestamp_seconds} per endpoint: the leaf's notAfter</li>
 * <li>{@code tlscheck_check_success} per endpoint: 1 when Healthy or Warning</li>
 * <li>{@code tlscheck_tls_version_info} per endpoint, labelled with the protocol: always 1</li>
 * <li>{@code tlscheck_verdict} per check and verdict: 1 for the current verdict, 0 for the others</li>
 * <li>{@code tlscheck_check_duration_seconds} per check: how long checks take</li>
 * <li>{@code tlscheck_checks_total} per check and result</li>
 * </ul>
 * Series of a check are removed with it, and endpoint series when the endpoint goes away.
 */
public final class CheckMetrics {
    private final MeterRegistry registry;
    private final Map<CheckKey, CheckMeters> checks = new ConcurrentHashMap<>();

    public CheckMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Records one completed check: one report per endpoint. */
    public void record(CheckKey key, List<Report> reports, Duration elapsed) {
        checks.computeIfAbsent(key, CheckMeters::new).record(reports, elapsed);
    }

    /** Forgets a check and every series it had. */
    public void remove(CheckKey key) {
        CheckMeters meters = checks.remove(key);
        if (meters != null) {
            meters.removeAll();
        }
    }

    /** The worst verdict over a check's endpoints (Unknown when none were checked). */
    public static Verdict overall(List<Report> reports) {
        return reports.stream().map(Report::verdict).reduce(Verdict::worse).orElse(Verdict.UNKNOWN);
    }

    /** The meters of one check; synchronized because a check's runs may overlap a removal. */
    private final class CheckMeters {
        private final CheckKey key;
        private final Tags checkTags;
        private final AtomicReference<Verdict> verdict = new AtomicReference<>(Verdict.UNKNOWN);
        private final List<Meter> fixed = new ArrayList<>();
        private final Timer duration;
        private final Map<Verdict, Counter> results = new HashMap<>();
        private Map<String, EndpointMeters> endpoints = new HashMap<>();

        CheckMeters(CheckKey key) {
            this.key = key;
            this.checkTags = Tags.of("namespace", key.namespace(), "name", key.name());
            for (Verdict v : Verdict.values()) {
                fixed.add(Gauge.builder("tlscheck.verdict", verdict, current -> current.get() == v ? 1 : 0)
                        .description("1 for the check's current verdict, 0 for the others")
                        .tags(checkTags).tag("verdict", v.displayName()).register(registry));
                Counter counter = Counter.builder("tlscheck.checks").description("Checks run, by result")
                        .tags(checkTags).tag("result", v.displayName().toLowerCase(Locale.ROOT)).register(registry);
                results.put(v, counter);
                fixed.add(counter);
            }
            duration = Timer.builder("tlscheck.check.duration").description("Time a whole check takes")
                    .tags(checkTags).register(registry);
            fixed.add(duration);
        }

        synchronized void record(List<Report> reports, Duration elapsed) {
            Verdict overall = overall(reports);
            verdict.set(overall);
            results.get(overall).increment();
            duration.record(elapsed.toNanos(), TimeUnit.NANOSECONDS);
            Map<String, EndpointMeters> seen = new HashMap<>();
            for (Report report : reports) {
                String id = EndpointMeters.key(report);
                EndpointMeters meters = endpoints.remove(id);
                if (meters == null) {
                    meters = new EndpointMeters(registry, checkTags, report);
                }
                meters.update(registry, report);
                seen.put(id, meters);
            }
            endpoints.values().forEach(m -> m.removeFrom(registry));
            endpoints = seen;
        }

        synchronized void removeAll() {
            fixed.forEach(registry::remove);
            endpoints.values().forEach(m -> m.removeFrom(registry));
            endpoints.clear();
        }

        @Override
        public String toString() {
            return key.toString();
        }
    }
}
