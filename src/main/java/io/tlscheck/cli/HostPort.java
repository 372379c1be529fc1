package io.tlscheck.cli;

/**
 * {@code host:port} as users type it: {@code example.com:443}, {@code 10.0.0.1:8443},
 * {@code [2001:db8::1]:443}, or a bare host for port 443.
 */
public record HostPort(String host, int port) {
    private static final int DEFAULT_PORT = 443;

    public static HostPort parse(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            throw new UsageException("empty target: expected HOST:PORT");
        }
        if (t.startsWith("[")) {
            int close = t.indexOf(']');
            if (close < 0) {
                throw new UsageException("invalid target '" + text + "': missing ']' after the IPv6 address");
            }
            String host = t.substring(1, close);
            String rest = t.substring(close + 1);
            if (rest.isEmpty()) {
                return new HostPort(host, DEFAULT_PORT);
            }
            if (!rest.startsWith(":")) {
                throw new UsageException("invalid target '" + text + "': expected [IPv6]:PORT");
            }
            return new HostPort(host, port(rest.substring(1), text));
        }
        int colon = t.lastIndexOf(':');
        if (colon < 0) {
            return new HostPort(t, DEFAULT_PORT);
        }
        if (t.indexOf(':') != colon) {
            // Several colons and no brackets: a bare IPv6 address.
            return new HostPort(t, DEFAULT_PORT);
        }
        return new HostPort(t.substring(0, colon), port(t.substring(colon + 1), text));
    }

    private static int port(String digits, String original) {
        try {
            int port = Integer.parseInt(digits);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("invalid port in '" + original + "': expected a number from 1 to 65535");
    }
}
