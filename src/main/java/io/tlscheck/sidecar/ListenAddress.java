package io.tlscheck.sidecar;

import java.net.InetSocketAddress;

import io.tlscheck.cli.UsageException;

/** {@code --listen}: {@code PORT}, {@code :PORT}, {@code HOST:PORT} or {@code [IPv6]:PORT}; all interfaces by default. */
final class ListenAddress {
    static final String DEFAULT_HOST = "0.0.0.0";

    private ListenAddress() {
    }

    static InetSocketAddress parse(String text) {
        String t = text.trim();
        int colon = t.lastIndexOf(':');
        String host = colon < 0 ? DEFAULT_HOST : t.substring(0, colon);
        String digits = colon < 0 ? t : t.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new UsageException("--listen '" + text + "': write an IPv6 address in brackets, as [::1]:9090");
        }
        int port;
        try {
            port = Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 0 || port > 65535) {
            throw new UsageException("--listen '" + text + "': expected [HOST:]PORT with a port from 0 to 65535");
        }
        return new InetSocketAddress(host.isEmpty() ? DEFAULT_HOST : host, port);
    }
}
