package io.tlscheck.operator;

import java.util.List;

/**
 * The result of resolving a TlsCheck's target and references: endpoints to probe, or the
 * reason it cannot be checked now (a missing Service, Secret, ...), which becomes the Ready
 * condition's reason. Resolution is retried whenever a referenced object changes.
 *
 * @param target    what is checked, for the status and tables: {@code host:port}, {@code service/web}
 * @param endpoints what to probe (empty when unresolved)
 * @param reason    CamelCase reason when unresolved, else {@code null}
 * @param message   why, in words, when unresolved; otherwise a note (such as truncation) or {@code null}
 */
public record Resolution(String target, List<PlannedEndpoint> endpoints, String reason, String message) {
    public Resolution {
        endpoints = List.copyOf(endpoints);
    }

    public static Resolution resolved(String target, List<PlannedEndpoint> endpoints, String note) {
        return new Resolution(target, endpoints, null, note);
    }

    public static Resolution unresolved(String target, String reason, String message) {
        return new Resolution(target, List.of(), reason, message);
    }

    public boolean ok() {
        return reason == null;
    }
}
