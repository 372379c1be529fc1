package io.tlscheck.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class InFlightLimitTest {

    @Test
    void followsTheCoresWhenNotConfigured() {
        assertThat(InFlightLimit.of(Optional.empty(), 2)).isEqualTo(64);
        assertThat(InFlightLimit.of(Optional.empty(), 8)).isEqualTo(256);
        assertThat(InFlightLimit.of(Optional.empty(), 0)).isEqualTo(32);
        assertThat(InFlightLimit.of(Optional.empty(), 64)).as("a big node without a CPU limit").isEqualTo(256);
    }

    @Test
    void aConfiguredLimitWins() {
        assertThat(InFlightLimit.of(Optional.of(500), 2)).isEqualTo(500);
    }

    @Test
    void aLimitBelowOneNamesTheSetting() {
        assertThatThrownBy(() -> InFlightLimit.of(Optional.of(0), 2))
                .hasMessageContaining("TLSCHECK_MAX_CONCURRENT_CHECKS").hasMessageContaining("got 0");
    }
}
