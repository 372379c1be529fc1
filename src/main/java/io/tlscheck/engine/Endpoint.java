package io.tlscheck.engine;

import java.util.Objects;

/**
 * One TLS endpoint to probe: where to connect and which name to ask for.
 *
 * @param host       DNS name or IP literal to connect to
 * @param port       TCP port
 * @param serverName the name sent as SNI and verified against the certificate; {@code null}
 *                   means no SNI is sent and the certificate is verified against {@code host}
 *                   (an IP literal is then matched against IP SANs)
 */
public record Endpoint(String host, int port, String serverName) {

    public Endpoint {
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be between 1 and 65535, got " + port);
        }
    }

    /** An endpoint whose SNI and verified name are the host itself. */
    public static Endpoint of(String host, int port) {
        return new Endpoint(host, port, IpLiterals.isIpLiteral(host) ? null : host);
    }

    /** The identity the certificate must cover (RFC 6125 reference identifier). */
    public String verifiedName() {
        return serverName != null ? serverName : host;
    }

    /** SNI cannot carry an IP address (RFC 6066 §3), so an IP literal name sends none. */
    public boolean sendsSni() {
        return serverName != null && !IpLiterals.isIpLiteral(serverName);
    }

    @Override
    public String toString() {
        String hostPort = host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
        return serverName == null || serverName.equals(host) ? hostPort : hostPort + " (" + serverName + ")";
    }
}
