package io.tlscheck.operator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tlscheck.api.v1alpha1.EndpointStatus;
import io.tlscheck.api.v1alpha1.TlsCheckStatus;

/**
 * Decides which Events a status change deserves: only transitions, never a re-statement.
 * A new problem (or a different one) is a Warning with the problem's reason; getting back to
 * Healthy is {@code Recovered}; a changed leaf on the same endpoint is {@code CertificateRotated}.
 */
final class TransitionEvents {
    /** One Event to emit. */
    record Event(String type, String reason, String message) {
        static final String NORMAL = "Normal";
        static final String WARNING = "Warning";
    }

    private TransitionEvents() {
    }

    static List<Event> between(TlsCheckStatus before, TlsCheckStatus after) {
        List<Event> events = new ArrayList<>();
        // Nothing was judged yet, or the user paused checking: neither is a finding to announce.
        if (after.getVerdict() == null || StatusBuilder.SUSPENDED.equals(after.getReason())) {
            return events;
        }
        String oldVerdict = before == null ? null : before.getVerdict();
        String oldReason = before == null ? null : before.getReason();
        boolean healthy = "Healthy".equals(after.getVerdict());
        boolean changed = !after.getVerdict().equals(oldVerdict) || !after.getReason().equals(oldReason);
        if (changed && healthy && oldVerdict != null && !"Healthy".equals(oldVerdict)) {
            events.add(new Event(Event.NORMAL, "Recovered", after.getMessage()));
        } else if (changed && !healthy) {
            events.add(new Event(Event.WARNING, after.getReason(), after.getMessage()));
        }
        if (before != null) {
            events.addAll(rotations(before.getEndpoints(), after.getEndpoints()));
        }
        return events;
    }

    private static List<Event> rotations(List<EndpointStatus> before, List<EndpointStatus> after) {
        Map<String, EndpointStatus> previous = new HashMap<>();
        for (EndpointStatus e : before) {
            previous.put(key(e), e);
        }
        List<Event> events = new ArrayList<>();
        for (EndpointStatus now : after) {
            EndpointStatus then = previous.get(key(now));
            if (then == null || then.getLeaf() == null || now.getLeaf() == null
                    || then.getLeaf().getSha256().equals(now.getLeaf().getSha256())) {
                continue;
            }
            events.add(new Event(Event.NORMAL, "CertificateRotated", String.format(
                    "%s:%d now serves a new certificate for %s: valid until %s (was until %s), sha256 %s",
                    now.getAddress(), now.getPort(), now.getServerName() == null ? now.getAddress() : now.getServerName(),
                    now.getLeaf().getNotAfter(), then.getLeaf().getNotAfter(),
                    now.getLeaf().getSha256().substring(0, 23))));
        }
        return events;
    }

    private static String key(EndpointStatus e) {
        return e.getAddress() + ":" + e.getPort() + "/" + e.getServerName();
    }
}
