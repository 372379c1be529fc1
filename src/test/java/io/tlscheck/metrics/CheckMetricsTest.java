package io.tlscheck.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.tlscheck.engine.Endpoint;
import io.tlscheck.engine.Observation;
import io.tlscheck.engine.Report;
import io.tlscheck.engine.Timings;
import io.tlscheck.engine.Verdict;
import io.tlscheck.testing.TestCertificates;

class CheckMetricsTest {
    private static final X509Certificate LEAF = TestCertificates.leaf("web.shop.svc").ec(256)
            .expiresIn(Duration.ofDays(60)).build().certificate();
    private static final CheckKey WEB = new CheckKey("shop", "web-tls");
    private static final CheckKey API = new CheckKey("shop", "api-tls");
    private static final Tags WEB_TAGS = Tags.of("namespace", "shop", "name", "web-tls");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CheckMetrics metrics = new CheckMetrics(registry);

    @Test
    void recordsTheCheckAndEachEndpoint() {
        metrics.record(WEB, List.of(report("10.0.0.1", "TLSv1.3", Verdict.HEALTHY)), Duration.ofMillis(120));

        assertThat(gauge("tlscheck.verdict", WEB_TAGS.and("verdict", "Healthy"))).isEqualTo(1);
        assertThat(gauge("tlscheck.verdict", WEB_TAGS.and("verdict", "Failing"))).isZero();
        assertThat(registry.get("tlscheck.checks").tags(WEB_TAGS.and("result", "healthy")).counter().count()).isEqualTo(1);
        assertThat(registry.get("tlscheck.check.duration").tags(WEB_TAGS).timer().totalTime(TimeUnit.MILLISECONDS))
                .isEqualTo(120);
        Tags endpoint = WEB_TAGS.and("endpoint", "10.0.0.1:8443", "server_name", "web.shop.svc");
        assertThat(gauge("tlscheck.certificate.expiry.timestamp", endpoint))
                .isEqualTo(LEAF.getNotAfter().toInstant().getEpochSecond());
        assertThat(gauge("tlscheck.check.success", endpoint)).isEqualTo(1);
        assertThat(gauge("tlscheck.tls.version.info", endpoint.and("protocol", "TLSv1.3"))).isEqualTo(1);
    }

    @Test
    void aLaterFailureMovesTheVerdictAndCountsByResult() {
        metrics.record(WEB, List.of(report("10.0.0.1", "TLSv1.3", Verdict.HEALTHY)), Duration.ofMillis(100));
        metrics.record(WEB, List.of(report("10.0.0.1", "TLSv1.3", Verdict.FAILING)), Duration.ofMillis(100));

        assertThat(gauge("tlscheck.verdict", WEB_TAGS.and("verdict", "Healthy"))).isZero();
        assertThat(gauge("tlscheck.verdict", WEB_TAGS.and("verdict", "Failing"))).isEqualTo(1);
        assertThat(registry.get("tlscheck.checks").tags(WEB_TAGS.and("result", "failing")).counter().count()).isEqualTo(1);
        assertThat(registry.get("tlscheck.check.success").tags(WEB_TAGS).gauge().value()).isZero();
    }

    @Test
    void seriesOfAnEndpointThatWentAwayAreRemoved() {
        metrics.record(WEB, List.of(report("10.0.0.1", "TLSv1.2", Verdict.HEALTHY),
                report("10.0.0.2", "TLSv1.2", Verdict.HEALTHY)), Duration.ofMillis(100));
        metrics.record(WEB, List.of(report("10.0.0.1", "TLSv1.3", Verdict.HEALTHY)), Duration.ofMillis(100));

        assertThat(endpointsOf("tlscheck.check.success")).containsExactly("10.0.0.1:8443");
        assertThat(endpointsOf("tlscheck.certificate.expiry.timestamp")).containsExactly("10.0.0.1:8443");
        assertThat(registry.find("tlscheck.tls.version.info").meters()).extracting(m -> m.getId().getTag("protocol"))
                .containsExactly("TLSv1.3");
    }

    @Test
    void hostsSharingAnAddressKeepTheirOwnSeries() {
        // An Ingress's TLS hosts are all reached through its one load-balancer address.
        X509Certificate api = TestCertificates.leaf("api.shop.example").ec(256).expiresIn(Duration.ofDays(20)).build()
                .certificate();
        List<Report> reports = List.of(report("203.0.113.7", "www.shop.example", LEAF, Verdict.HEALTHY),
                report("203.0.113.7", "api.shop.example", api, Verdict.WARNING));

        metrics.record(WEB, reports, Duration.ofMillis(100));
        metrics.record(WEB, reports, Duration.ofMillis(100));

        Tags endpoint = WEB_TAGS.and("endpoint", "203.0.113.7:8443");
        assertThat(gauge("tlscheck.certificate.expiry.timestamp", endpoint.and("server_name", "www.shop.example")))
                .isEqualTo(LEAF.getNotAfter().toInstant().getEpochSecond());
        assertThat(gauge("tlscheck.certificate.expiry.timestamp", endpoint.and("server_name", "api.shop.example")))
                .isEqualTo(api.getNotAfter().toInstant().getEpochSecond());
        metrics.remove(WEB);
        assertThat(registry.getMeters()).isEmpty();
    }

    @Test
    void removingACheckDropsEveryOneOfItsSeriesAndNoOthers() {
        metrics.record(WEB, List.of(report("10.0.0.1", "TLSv1.3", Verdict.HEALTHY)), Duration.ofMillis(100));
        metrics.record(API, List.of(report("10.0.0.9", "TLSv1.3", Verdict.WARNING)), Duration.ofMillis(100));

        metrics.remove(WEB);

        assertThat(registry.getMeters()).isNotEmpty()
                .allSatisfy(m -> assertThat(m.getId().getTag("name")).isEqualTo("api-tls"));
        metrics.remove(API);
        assertThat(registry.getMeters()).isEmpty();
    }

    @Test
    void prometheusSeesTheSeriesUnderTheirDocumentedNames() {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new CheckMetrics(prometheus).record(WEB, List.of(report("fd00::1", "TLSv1.3", Verdict.HEALTHY)),
                Duration.ofMillis(100));

        assertThat(prometheus.scrape()).contains(
                "tlscheck_certificate_expiry_timestamp_seconds{endpoint=\"[fd00::1]:8443\",name=\"web-tls\"",
                "tlscheck_check_success{", "tlscheck_tls_version_info{", "protocol=\"TLSv1.3\"",
                "tlscheck_verdict{", "tlscheck_check_duration_seconds_count{", "tlscheck_checks_total{");
    }

    @Test
    void aHostBehindRoundRobinDnsKeepsOneSeriesWhateverAddressItResolvedTo() {
        for (String resolved : List.of("192.0.2.10", "192.0.2.11", "192.0.2.12")) {
            Observation seen = new Observation(new Endpoint("www.shop.example", 443, "www.shop.example"), Instant.now(),
                    resolved, List.of(LEAF), "TLSv1.3", "TLS_AES_128_GCM_SHA256", null, List.of(), false, Timings.NONE, null);
            metrics.record(WEB, List.of(new Report(seen, null, List.of(), Verdict.HEALTHY, "Healthy", "", null, List.of())),
                    Duration.ofMillis(50));
        }

        assertThat(endpointsOf("tlscheck.check.success")).containsExactly("www.shop.example:443");
    }

    private double gauge(String name, Tags tags) {
        return registry.get(name).tags(tags).gauge().value();
    }

    private List<String> endpointsOf(String name) {
        return registry.find(name).meters().stream().map(Meter::getId).map(id -> id.getTag("endpoint")).toList();
    }

    private static Report report(String address, String protocol, Verdict verdict) {
        return report(address, "web.shop.svc", LEAF, protocol, verdict);
    }

    private static Report report(String address, String serverName, X509Certificate leaf, Verdict verdict) {
        return report(address, serverName, leaf, "TLSv1.3", verdict);
    }

    private static Report report(String address, String serverName, X509Certificate leaf, String protocol,
                                 Verdict verdict) {
        Observation seen = new Observation(new Endpoint(address, 8443, serverName), Instant.now(), address,
                List.of(leaf), protocol, "TLS_AES_128_GCM_SHA256", null, List.of(), false, Timings.NONE, null);
        return new Report(seen, null, List.of(), verdict, verdict.displayName(), "", null, List.of());
    }
}
