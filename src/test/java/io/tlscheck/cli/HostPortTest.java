package io.tlscheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HostPortTest {
    @Test
    void hostAndPort() {
        assertThat(HostPort.parse("example.com:8443")).isEqualTo(new HostPort("example.com", 8443));
    }

    @Test
    void bareHostDefaultsTo443() {
        assertThat(HostPort.parse("example.com")).isEqualTo(new HostPort("example.com", 443));
    }

    @Test
    void bracketedIpv6() {
        assertThat(HostPort.parse("[2001:db8::1]:8443")).isEqualTo(new HostPort("2001:db8::1", 8443));
        assertThat(HostPort.parse("[::1]")).isEqualTo(new HostPort("::1", 443));
    }

    @Test
    void bareIpv6DefaultsTo443() {
        assertThat(HostPort.parse("2001:db8::1")).isEqualTo(new HostPort("2001:db8::1", 443));
    }

    @Test
    void badPortsAreUsageErrors() {
        assertThatThrownBy(() -> HostPort.parse("example.com:0")).isInstanceOf(UsageException.class)
                .hasMessageContaining("1 to 65535");
        assertThatThrownBy(() -> HostPort.parse("example.com:https")).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> HostPort.parse("example.com:70000")).isInstanceOf(UsageException.class);
    }
}
