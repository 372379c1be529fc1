package io.tlscheck.sidecar;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;

import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.tlscheck.engine.Inspector;
import io.tlscheck.metrics.CheckMetrics;

/**
 * A running sidecar: the checks on their schedules, and the HTTP endpoints that report them.
 * Plain JDK and Micrometer, no Quarkus and no API server. Closing stops both.
 */
final class Sidecar implements AutoCloseable {
    private final CheckScheduler scheduler;
    private final SidecarHttpServer http;

    private Sidecar(CheckScheduler scheduler, SidecarHttpServer http) {
        this.scheduler = scheduler;
        this.http = http;
    }

    /** Listens first (a port in use fails before any check runs), then starts the checks. */
    static Sidecar start(List<SidecarCheck> checks, InetSocketAddress listen, Inspector inspector, Pacing pacing,
                         int parallel, SidecarLog log) throws IOException {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        // A few process series, to watch the sidecar's own footprint beside the app.
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        CheckScheduler scheduler = new CheckScheduler(checks, inspector, new CheckMetrics(registry), pacing, parallel,
                log, Clock.systemUTC());
        SidecarHttpServer http = new SidecarHttpServer(listen, registry, scheduler::readiness);
        scheduler.start();
        return new Sidecar(scheduler, http);
    }

    InetSocketAddress address() {
        return http.address();
    }

    Health readiness() {
        return scheduler.readiness();
    }

    @Override
    public void close() {
        scheduler.close();
        http.close();
    }
}
