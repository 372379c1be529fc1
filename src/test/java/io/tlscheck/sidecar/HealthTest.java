package io.tlscheck.sidecar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tlscheck.engine.Endpoint;
import io.tlscheck.engine.Expectations;
import io.tlscheck.engine.ProbeOptions;
import io.tlscheck.engine.TrustAnchors;
import io.tlscheck.engine.Verdict;
import io.tlscheck.metrics.CheckKey;

/** Readiness semantics, verdict by verdict (the sidecar tests show them end to end). */
class HealthTest {
    private final SidecarCheck app = check("app", true, false);
    private final SidecarCheck other = check("other", false, false);
    private final Map<SidecarCheck, CheckState> states = new HashMap<>();

    private static SidecarCheck check(String name, boolean readiness, boolean suspended) {
        return new SidecarCheck(new CheckKey("", name), "checks.yaml:1", new Endpoint("127.0.0.1", 8443, "app.test"),
                ProbeOptions.DEFAULTS, Expectations.DEFAULTS, TrustAnchors.of(false, List.of()), Duration.ofMinutes(5),
                readiness, suspended, null);
    }

    private void result(SidecarCheck check, Verdict verdict) {
        states.put(check, CheckState.next(states.get(check), verdict, verdict.displayName(), "m", Instant.now()));
    }

    private Health ready() {
        return Health.ready(List.of(app, other), states::get);
    }

    @Test
    void downUntilTheFirstConclusiveVerdict() {
        assertThat(ready().status()).isEqualTo("DOWN");
        assertThat(ready().summary()).isEqualTo("DOWN: app");
        result(app, Verdict.UNKNOWN);
        assertThat(ready().status()).isEqualTo("DOWN");
        assertThat(ready().checks().get(0).data()).containsEntry("lastConclusiveVerdict", "None");
        result(app, Verdict.WARNING);
        assertThat(ready().status()).isEqualTo("UP");
    }

    @Test
    void unknownKeepsTheLastConclusiveVerdict() {
        result(app, Verdict.HEALTHY);
        result(app, Verdict.UNKNOWN);
        assertThat(ready().status()).isEqualTo("UP");
        result(app, Verdict.FAILING);
        result(app, Verdict.UNKNOWN);
        assertThat(ready().status()).isEqualTo("DOWN");
        assertThat(ready().checks().get(0).data()).containsEntry("verdict", "Unknown")
                .containsEntry("lastConclusiveVerdict", "Failing");
        result(app, Verdict.HEALTHY);
        assertThat(ready().status()).isEqualTo("UP");
    }

    @Test
    void onlyChecksMarkedForReadinessCount() {
        result(app, Verdict.HEALTHY);
        result(other, Verdict.FAILING);
        assertThat(ready().status()).isEqualTo("UP");
        assertThat(ready().checks()).extracting(Health.Check::name).containsExactly("app");
    }

    @Test
    void suspendedChecksDoNotHoldReadiness() {
        Health health = Health.ready(List.of(check("paused", true, true)), states::get);
        assertThat(health.status()).isEqualTo("UP");
        assertThat(health.toJson()).isEqualTo(
                "{\"status\":\"UP\",\"checks\":[{\"name\":\"paused\",\"status\":\"UP\",\"data\":{\"target\":\"127.0.0.1:8443 (app.test)\",\"verdict\":\"Suspended\"}}]}");
    }
}
