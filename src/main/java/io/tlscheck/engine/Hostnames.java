package io.tlscheck.engine;

import java.net.IDN;
import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.util.Locale;

/**
 * RFC 6125 name matching: DNS names against DNS SANs, with at most one wildcard that must be
 * the whole left-most label and never match more than one label; IP literals against IP SANs
 * only. The subject CN is never consulted (RFC 6125 §6.4.4, CA/B BR 7.1.4.3).
 */
public final class Hostnames {
    private Hostnames() {
    }

    public static boolean covers(X509Certificate cert, String name) {
        InetAddress address = IpLiterals.parse(name);
        if (address != null) {
            return Certificates.ipAddresses(cert).stream()
                    .map(IpLiterals::parse)
                    .anyMatch(address::equals);
        }
        String reference = normalize(name);
        return Certificates.dnsNames(cert).stream().anyMatch(pattern -> matches(normalize(pattern), reference));
    }

    /** Whether a presented DNS identifier (possibly {@code *.example.com}) matches a reference name. */
    static boolean matches(String presented, String reference) {
        if (presented.isEmpty() || reference.isEmpty()) {
            return false;
        }
        if (!presented.startsWith("*.")) {
            return presented.equals(reference);
        }
        String suffix = presented.substring(1); // ".example.com"
        // A wildcard must sit above at least two labels: "*.com" would cover a whole TLD.
        if (suffix.chars().filter(c -> c == '.').count() < 2) {
            return false;
        }
        if (!reference.endsWith(suffix)) {
            return false;
        }
        String label = reference.substring(0, reference.length() - suffix.length());
        return !label.isEmpty() && label.indexOf('.') < 0;
    }

    /** Lower case, no trailing dot, IDNs in their ASCII (A-label) form. */
    static String normalize(String name) {
        String trimmed = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        try {
            return IDN.toASCII(trimmed, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return trimmed.toLowerCase(Locale.ROOT);
        }
    }
}
