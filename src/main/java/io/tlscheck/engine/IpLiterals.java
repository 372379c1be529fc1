package io.tlscheck.engine;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Tells IP literals from DNS names without ever doing a DNS lookup. */
public final class IpLiterals {
    private static final Pattern IPV4 = Pattern.compile("^\\d{1,3}(\\.\\d{1,3}){3}$");

    private IpLiterals() {
    }

    public static boolean isIpLiteral(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        if (IPV4.matcher(name).matches()) {
            return parse(name) != null;
        }
        return name.indexOf(':') >= 0 && parse(name) != null;
    }

    /** The address of an IP literal, or {@code null} when it is not one. */
    public static InetAddress parse(String literal) {
        String bare = literal.startsWith("[") && literal.endsWith("]")
                ? literal.substring(1, literal.length() - 1) : literal;
        if (!IPV4.matcher(bare).matches() && bare.indexOf(':') < 0) {
            return null; // would trigger a DNS lookup in InetAddress.getByName
        }
        try {
            return InetAddress.getByName(bare);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
