package io.tlscheck.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void parsesGoStyleDurationsAndDays() {
        assertThat(Durations.parse("30d")).isEqualTo(Duration.ofDays(30));
        assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("1.5h")).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void rejectsWhatItCannotRead() {
        assertThatThrownBy(() -> Durations.parse("10")).hasMessageContaining("invalid duration '10'");
        assertThatThrownBy(() -> Durations.parse("ten seconds")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Durations.parse("5m junk")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Durations.parse("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void formatsShortAndInWords() {
        assertThat(Durations.format(Duration.ofDays(29).plusHours(5))).isEqualTo("29d");
        assertThat(Durations.format(Duration.ofHours(-3))).isEqualTo("-3h");
        assertThat(Durations.words(Duration.ofDays(10))).isEqualTo("10 days");
        assertThat(Durations.words(Duration.ofHours(25))).isEqualTo("1 day");
        assertThat(Durations.words(Duration.ofMinutes(5))).isEqualTo("5 minutes");
    }
}
