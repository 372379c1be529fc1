package io.tlscheck.metrics;

import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.tlscheck.engine.Observation;
import io.tlscheck.engine.Report;
import io.tlscheck.engine.Verdict;

/** The per-endpoint series of one check. Gauges read mutable holders, so updates cost no allocation. */
final class EndpointMeters {
    private final Tags tags;
    private final AtomicLong expiry = new AtomicLong();
    private final AtomicLong success = new AtomicLong();
    private final Meter expiryGauge;
    private final Meter successGauge;
    private Meter versionGauge;
    private String protocol;

    EndpointMeters(MeterRegistry registry, Tags checkTags, Report report) {
        Observation seen = report.observation();
        this.tags = checkTags.and("endpoint", id(report), "server_name",
                seen.endpoint().serverName() == null ? "" : seen.endpoint().serverName());
        expiryGauge = Gauge.builder("tlscheck.certificate.expiry.timestamp", expiry, AtomicLong::get)
                .description("notAfter of the served leaf certificate, in seconds since the epoch")
                .baseUnit("seconds").tags(tags).register(registry);
        successGauge = Gauge.builder("tlscheck.check.success", success, AtomicLong::get)
                .description("1 when the endpoint's last check was Healthy or Warning, else 0")
                .tags(tags).register(registry);
    }

    /**
     * {@code host:port} as checked: a Service endpoint's address, or a host target's name. Not
     * the address a name resolved to, which changes from check to check behind round-robin
     * DNS and would start a new series each time.
     */
    static String id(Report report) {
        Observation seen = report.observation();
        String host = seen.endpoint().host();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + seen.endpoint().port();
    }

    /**
     * What tells this endpoint's series apart from the others of its check: the address and
     * the name asked for, since an Ingress's TLS hosts all share its load-balancer address.
     */
    static String key(Report report) {
        String serverName = report.observation().endpoint().serverName();
        return id(report) + "/" + (serverName == null ? "" : serverName);
    }

    void update(MeterRegistry registry, Report report) {
        Observation seen = report.observation();
        if (seen.leaf() != null) {
            expiry.set(seen.leaf().getNotAfter().toInstant().getEpochSecond());
        }
        success.set(report.verdict() == Verdict.HEALTHY || report.verdict() == Verdict.WARNING ? 1 : 0);
        String negotiated = seen.protocol();
        if (negotiated != null && !negotiated.equals(protocol)) {
            if (versionGauge != null) {
                registry.remove(versionGauge);
            }
            versionGauge = Gauge.builder("tlscheck.tls.version.info", () -> 1)
                    .description("The TLS version the endpoint negotiated, as a label")
                    .tags(tags).tag("protocol", negotiated).register(registry);
            protocol = negotiated;
        }
    }

    void removeFrom(MeterRegistry registry) {
        registry.remove(expiryGauge);
        registry.remove(successGauge);
        if (versionGauge != null) {
            registry.remove(versionGauge);
        }
    }
}
