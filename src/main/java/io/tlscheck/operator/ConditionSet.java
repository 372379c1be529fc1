package io.tlscheck.operator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;

/**
 * Builds Kubernetes conditions, keeping each one's lastTransitionTime when its status did not
 * change: a condition that only re-states itself must not look like a transition (or cause a
 * status write).
 */
final class ConditionSet {
    static final int MAX_MESSAGE = 1024;

    private final List<Condition> previous;
    private final long generation;
    private final String now;
    private final List<Condition> conditions = new ArrayList<>();

    ConditionSet(List<Condition> previous, long generation, Instant now) {
        this.previous = previous == null ? List.of() : previous;
        this.generation = generation;
        this.now = now.toString();
    }

    ConditionSet add(String type, String status, String reason, String message) {
        String transition = previous.stream()
                .filter(c -> type.equals(c.getType()) && status.equals(c.getStatus()))
                .map(Condition::getLastTransitionTime)
                .findFirst().orElse(now);
        conditions.add(new ConditionBuilder().withType(type).withStatus(status).withReason(reason)
                .withMessage(truncate(message)).withLastTransitionTime(transition)
                .withObservedGeneration(generation).build());
        return this;
    }

    List<Condition> build() {
        return List.copyOf(conditions);
    }

    static String truncate(String message) {
        if (message == null) {
            return "";
        }
        return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE - 3) + "...";
    }
}
