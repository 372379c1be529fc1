package io.tlscheck.operator;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.tlscheck.engine.AddressPolicy;

/**
 * The cluster admin's rules for where TlsChecks may connect: host patterns are checked before
 * DNS, CIDRs after it (in the prober), so neither a name nor an address sneaks past. Cloud
 * metadata endpoints are denied unless the admin turns that off: a TlsCheck must not become a
 * way to reach the node's credentials.
 */
public final class TargetPolicy implements AddressPolicy {
    static final List<String> METADATA_CIDRS = List.of("169.254.0.0/16", "fe80::/10", "fd00:ec2::254/128",
            "100.100.100.200/32");
    static final List<String> METADATA_HOSTS = List.of("metadata.google.internal", "metadata.goog", "metadata",
            "instance-data", "instance-data.ec2.internal");

    private final List<Cidr> allowCidrs;
    private final List<Cidr> denyCidrs;
    private final List<String> allowHosts;
    private final List<String> denyHosts;

    public TargetPolicy(List<String> allowCidrs, List<String> denyCidrs, List<String> allowHosts, List<String> denyHosts,
                        boolean denyMetadata) {
        this.allowCidrs = allowCidrs.stream().map(Cidr::parse).toList();
        List<Cidr> deny = new ArrayList<>(denyCidrs.stream().map(Cidr::parse).toList());
        List<String> hosts = new ArrayList<>(denyHosts.stream().map(TargetPolicy::normalize).toList());
        if (denyMetadata) {
            METADATA_CIDRS.stream().map(Cidr::parse).forEach(deny::add);
            hosts.addAll(METADATA_HOSTS);
        }
        this.denyCidrs = List.copyOf(deny);
        this.allowHosts = allowHosts.stream().map(TargetPolicy::normalize).toList();
        this.denyHosts = List.copyOf(hosts);
    }

    public static TargetPolicy from(OperatorConfig.Policy config) {
        return new TargetPolicy(config.allowCidrs().orElse(List.of()), config.denyCidrs().orElse(List.of()),
                config.allowHosts().orElse(List.of()), config.denyHosts().orElse(List.of()),
                config.denyMetadataEndpoints());
    }

    /** Checked before any DNS lookup: the name itself. */
    public Optional<String> denyHost(String host) {
        String name = normalize(host);
        for (String pattern : denyHosts) {
            if (matches(pattern, name)) {
                return Optional.of("host " + host + " is denied by the target policy (" + pattern + ")");
            }
        }
        if (!allowHosts.isEmpty() && allowHosts.stream().noneMatch(p -> matches(p, name))) {
            return Optional.of("host " + host + " is not among the hosts the target policy allows");
        }
        return Optional.empty();
    }

    /** Checked after DNS: the address the name resolved to. */
    @Override
    public Optional<String> deny(String host, InetAddress address) {
        Optional<String> byName = denyHost(host);
        if (byName.isPresent()) {
            return byName;
        }
        String shown = host.equals(address.getHostAddress()) ? host : host + " (" + address.getHostAddress() + ")";
        for (Cidr cidr : denyCidrs) {
            if (cidr.contains(address)) {
                return Optional.of(shown + " is in " + cidr + ", which the target policy denies");
            }
        }
        if (!allowCidrs.isEmpty() && allowCidrs.stream().noneMatch(c -> c.contains(address))) {
            return Optional.of(shown + " is outside the networks the target policy allows");
        }
        return Optional.empty();
    }

    /** {@code *.example.com} matches one or more labels under example.com; others match exactly. */
    private static boolean matches(String pattern, String name) {
        if (pattern.startsWith("*.")) {
            return name.endsWith(pattern.substring(1));
        }
        return pattern.equals(name);
    }

    private static String normalize(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }
}
