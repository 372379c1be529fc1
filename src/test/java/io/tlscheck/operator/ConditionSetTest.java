package io.tlscheck.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Condition;

class ConditionSetTest {
    @Test
    void longMessagesAreCutToTheLimitAndMissingOnesAreEmpty() {
        List<Condition> conditions = new ConditionSet(null, 1, Instant.EPOCH)
                .add("Ready", "False", "HostnameMismatch", "x".repeat(5000))
                .add("Trusted", "True", "ChainTrusted", null).build();

        assertThat(conditions.get(0).getMessage()).hasSize(ConditionSet.MAX_MESSAGE).endsWith("...");
        assertThat(conditions.get(1).getMessage()).isEmpty();
    }
}
