package io.tlscheck.engine;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How to connect: everything about the probe that is not the endpoint or the validation policy.
 *
 * @param timeout           bounds the whole probe, from DNS to the last byte
 * @param startTls          in-band upgrade before the handshake, or {@code null}
 * @param alpn              application protocols to offer, in preference order (may be empty)
 * @param protocols         TLS versions to offer (JDK names such as {@code TLSv1.2}); empty means
 *                          {@link #DEFAULT_PROTOCOLS}
 * @param cipherSuites      cipher suites to offer (JDK/IANA names); empty means the JDK's default
 * @param clientCredentials client certificate and key for mTLS, or {@code null}
 */
public record ProbeOptions(Duration timeout, StartTls startTls, List<String> alpn, List<String> protocols,
                           List<String> cipherSuites, ClientCredentials clientCredentials) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /**
     * Offered by default: legacy versions too, so a server that only speaks TLS 1.0 yields a
     * {@code protocol.legacy} finding instead of an opaque handshake failure.
     */
    public static final List<String> DEFAULT_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2", "TLSv1.1", "TLSv1");

    public static final ProbeOptions DEFAULTS = new ProbeOptions(DEFAULT_TIMEOUT, null, List.of(), List.of(), List.of(), null);

    public ProbeOptions {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        alpn = List.copyOf(alpn == null ? List.of() : alpn);
        protocols = List.copyOf(protocols == null ? List.of() : protocols);
        cipherSuites = List.copyOf(cipherSuites == null ? List.of() : cipherSuites);
    }

    public List<String> effectiveProtocols() {
        return protocols.isEmpty() ? DEFAULT_PROTOCOLS : protocols;
    }

    public ProbeOptions withTimeout(Duration value) {
        return new ProbeOptions(value, startTls, alpn, protocols, cipherSuites, clientCredentials);
    }

    public ProbeOptions withStartTls(StartTls value) {
        return new ProbeOptions(timeout, value, alpn, protocols, cipherSuites, clientCredentials);
    }

    public ProbeOptions withAlpn(List<String> value) {
        return new ProbeOptions(timeout, startTls, value, protocols, cipherSuites, clientCredentials);
    }

    public ProbeOptions withProtocols(List<String> value) {
        return new ProbeOptions(timeout, startTls, alpn, value, cipherSuites, clientCredentials);
    }

    public ProbeOptions withCipherSuites(List<String> value) {
        return new ProbeOptions(timeout, startTls, alpn, protocols, value, clientCredentials);
    }

    public ProbeOptions withClientCredentials(ClientCredentials value) {
        return new ProbeOptions(timeout, startTls, alpn, protocols, cipherSuites, value);
    }
}
