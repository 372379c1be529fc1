package io.tlscheck.engine;

import java.util.List;
import java.util.Locale;

/** TLS protocol version names as the JDK spells them, ordered from oldest to newest. */
public final class TlsVersions {
    public static final List<String> ALL = List.of("SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");

    private TlsVersions() {
    }

    /** Position in {@link #ALL}, or -1 for a name that is not a known version. */
    public static int rank(String protocol) {
        return protocol == null ? -1 : ALL.indexOf(protocol);
    }

    /** True for SSLv3, TLS 1.0 and TLS 1.1, deprecated by RFC 7568 and RFC 8996. */
    public static boolean isLegacy(String protocol) {
        int rank = rank(protocol);
        return rank >= 0 && rank < rank("TLSv1.2");
    }

    /** Accepts the spellings users type: {@code 1.2}, {@code tls1.2}, {@code TLSv1.2}, {@code tls1_2}. */
    public static String parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '.');
        String normalized = switch (t) {
            case "1.0", "1", "tls1", "tlsv1", "tls1.0", "tlsv1.0" -> "TLSv1";
            case "1.1", "tls1.1", "tlsv1.1" -> "TLSv1.1";
            case "1.2", "tls1.2", "tlsv1.2" -> "TLSv1.2";
            case "1.3", "tls1.3", "tlsv1.3" -> "TLSv1.3";
            case "ssl3", "sslv3", "ssl3.0" -> "SSLv3";
            default -> null;
        };
        if (normalized == null) {
            throw new IllegalArgumentException("unknown TLS version '" + text + "' (expected 1.0, 1.1, 1.2 or 1.3)");
        }
        return normalized;
    }

    /** How people write it: {@code TLS 1.2}. */
    public static String displayName(String protocol) {
        if (protocol == null) {
            return "";
        }
        return switch (protocol) {
            case "TLSv1" -> "TLS 1.0";
            case "TLSv1.1" -> "TLS 1.1";
            case "TLSv1.2" -> "TLS 1.2";
            case "TLSv1.3" -> "TLS 1.3";
            case "SSLv3" -> "SSL 3.0";
            default -> protocol;
        };
    }
}
