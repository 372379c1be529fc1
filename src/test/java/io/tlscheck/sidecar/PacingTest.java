package io.tlscheck.sidecar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;

class PacingTest {
    private final RandomGenerator random = RandomGenerator.getDefault();
    private final Duration fiveMinutes = Duration.ofMinutes(5);

    @Test
    void intervalWithTenPercentJitter() {
        for (int i = 0; i < 1000; i++) {
            assertThat(Pacing.SPEC.next(fiveMinutes, 0, random)).isBetween(Duration.ofSeconds(270), Duration.ofSeconds(330));
        }
    }

    @Test
    void unknownIsRetriedSoonerAndBacksOffToTheInterval() {
        assertThat(Pacing.SPEC.next(fiveMinutes, 1, random)).isEqualTo(Duration.ofSeconds(2));
        assertThat(Pacing.SPEC.next(fiveMinutes, 2, random)).isEqualTo(Duration.ofSeconds(4));
        assertThat(Pacing.SPEC.next(fiveMinutes, 6, random)).isEqualTo(Duration.ofSeconds(64));
        assertThat(Pacing.SPEC.next(fiveMinutes, 100, random)).isBetween(Duration.ofSeconds(270), Duration.ofSeconds(330));
    }

    @Test
    void listenAddresses() {
        assertThat(ListenAddress.parse("9090").getHostString()).isEqualTo("0.0.0.0");
        assertThat(ListenAddress.parse(":9091").getPort()).isEqualTo(9091);
        assertThat(ListenAddress.parse("127.0.0.1:0").getHostString()).isEqualTo("127.0.0.1");
        assertThat(ListenAddress.parse("[::1]:9090").getAddress().isLoopbackAddress()).isTrue();
    }
}
