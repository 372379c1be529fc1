package io.tlscheck.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

class TargetPolicyTest {
    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    @Test
    void metadataEndpointsAreDeniedByDefault() throws Exception {
        TargetPolicy policy = new TargetPolicy(List.of(), List.of(), List.of(), List.of(), true);

        assertThat(policy.deny("169.254.169.254", ip("169.254.169.254"))).get().asString()
                .contains("169.254.0.0/16");
        assertThat(policy.deny("innocent.example", ip("169.254.169.254"))).get().asString()
                .contains("innocent.example (169.254.169.254)");
        assertThat(policy.deny("fd00:ec2::254", ip("fd00:ec2::254"))).isPresent();
        assertThat(policy.denyHost("metadata.google.internal.")).isPresent();
        assertThat(policy.deny("example.com", ip("93.184.216.34"))).isEmpty();
    }

    @Test
    void metadataDenialCanBeTurnedOff() throws Exception {
        TargetPolicy policy = new TargetPolicy(List.of(), List.of(), List.of(), List.of(), false);

        assertThat(policy.deny("169.254.169.254", ip("169.254.169.254"))).isEmpty();
    }

    @Test
    void allowListsRestrictAndDenyWins() throws Exception {
        TargetPolicy policy = new TargetPolicy(List.of("10.0.0.0/8"), List.of("10.9.0.0/16"), List.of("*.corp.example"),
                List.of("secret.corp.example"), true);

        assertThat(policy.deny("web.corp.example", ip("10.1.2.3"))).isEmpty();
        assertThat(policy.deny("web.corp.example", ip("10.9.2.3"))).get().asString().contains("10.9.0.0/16");
        assertThat(policy.deny("web.corp.example", ip("192.168.1.1"))).get().asString().contains("outside");
        assertThat(policy.denyHost("example.org")).get().asString().contains("not among the hosts");
        assertThat(policy.denyHost("secret.corp.example")).isPresent();
    }

    @Test
    void cidrEdges() throws Exception {
        Cidr cidr = Cidr.parse("192.168.4.0/22");
        assertThat(cidr.contains(ip("192.168.7.255"))).isTrue();
        assertThat(cidr.contains(ip("192.168.8.0"))).isFalse();
        assertThat(cidr.contains(ip("::1"))).isFalse();
        assertThat(Cidr.parse("0.0.0.0/0").contains(ip("8.8.8.8"))).isTrue();
        assertThat(Cidr.parse("2001:db8::/32").contains(ip("2001:db8:ffff::1"))).isTrue();
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).hasMessageContaining("prefix must be 0 to 32");
        assertThatThrownBy(() -> Cidr.parse("example.com/8")).hasMessageContaining("not an IP address");
    }
}
