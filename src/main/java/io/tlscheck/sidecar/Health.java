package io.tlscheck.sidecar;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tlscheck.engine.Verdict;

/**
 * A health response shaped like SmallRye Health's (what the Quarkus operator serves), so probes
 * and dashboards read both alike: {@code {"status":"DOWN","checks":[{"name":..,"status":..,"data":{..}}]}}.
 *
 * <p>Readiness semantics: a check marked for readiness is DOWN while its last conclusive verdict
 * (the certificate was seen) is Failing, and before it has had any conclusive verdict, so a
 * pod does not become ready on a certificate nobody has looked at. Unknown alone (nothing
 * answered, or not in time) does not take a ready pod out: it says nothing about the
 * certificate, whether the app listens is the app's own readiness probe's business, and a
 * network hiccup should not drop a pod from its Service. Warning is UP.
 */
record Health(String status, List<Check> checks) {
    static final String UP = "UP";
    static final String DOWN = "DOWN";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One entry of {@code checks}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Check(String name, String status, Map<String, Object> data) {
    }

    static Health live() {
        return new Health(UP, List.of());
    }

    /** Readiness over the checks marked for it; the others never affect it. */
    static Health ready(List<SidecarCheck> checks, Function<SidecarCheck, CheckState> states) {
        List<Check> entries = checks.stream().filter(SidecarCheck::readiness)
                .map(check -> readiness(check, states.apply(check))).toList();
        boolean down = entries.stream().anyMatch(c -> c.status().equals(DOWN));
        return new Health(down ? DOWN : UP, entries);
    }

    private static Check readiness(SidecarCheck check, CheckState state) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("target", check.target());
        if (check.suspended()) {
            data.put("verdict", "Suspended");
            return new Check(check.key().toString(), UP, data);
        }
        if (state == null) {
            data.put("verdict", "Pending");
            data.put("message", "not checked yet");
            return new Check(check.key().toString(), DOWN, data);
        }
        data.put("verdict", state.verdict().displayName());
        data.put("reason", state.reason());
        data.put("message", state.message());
        data.put("checkedAt", state.checkedAt().toString());
        if (state.verdict() == Verdict.UNKNOWN) {
            data.put("lastConclusiveVerdict", state.lastConclusive() == null ? "None" : state.lastConclusive().displayName());
        }
        boolean up = state.lastConclusive() != null && state.lastConclusive() != Verdict.FAILING;
        return new Check(check.key().toString(), up ? UP : DOWN, data);
    }

    boolean up() {
        return status.equals(UP);
    }

    /**
     * {@code UP}, or {@code DOWN: app, db}: for the log line when it changes. Verdicts are left
     * out (their transitions have lines of their own), so a check flapping between Failing and
     * Unknown does not repeat it.
     */
    String summary() {
        List<String> down = checks.stream().filter(c -> c.status().equals(DOWN)).map(Check::name).toList();
        return down.isEmpty() ? status : status + ": " + String.join(", ", down);
    }

    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write health JSON", e);
        }
    }
}
