package io.tlscheck.engine;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything one probe saw, captured whether or not the chain is valid: the rules judge it later.
 *
 * @param endpoint                   what was probed
 * @param observedAt                 when the probe started
 * @param address                    the IP address connected to, or {@code null} when DNS failed
 * @param servedChain                the certificates exactly as the server sent them, in its order
 * @param protocol                   negotiated TLS version ({@code TLSv1.3}), or {@code null}
 * @param cipherSuite                negotiated cipher suite, or {@code null}
 * @param alpn                       negotiated application protocol, or {@code null}
 * @param stapledOcspResponses       DER OCSP responses stapled by the server (may be empty)
 * @param clientCertificateRequested whether the server asked for a client certificate
 * @param timings                    how long each phase took
 * @param failure                    why no usable session came about, or {@code null}
 */
public record Observation(Endpoint endpoint, Instant observedAt, String address, List<X509Certificate> servedChain,
                          String protocol, String cipherSuite, String alpn, List<byte[]> stapledOcspResponses,
                          boolean clientCertificateRequested, Timings timings, ProbeFailure failure) {

    public Observation {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(observedAt, "observedAt");
        servedChain = List.copyOf(servedChain == null ? List.of() : servedChain);
        stapledOcspResponses = List.copyOf(stapledOcspResponses == null ? List.of() : stapledOcspResponses);
        timings = timings == null ? Timings.NONE : timings;
    }

    public boolean succeeded() {
        return failure == null;
    }

    /** The server's own certificate, or {@code null} when none was served. */
    public X509Certificate leaf() {
        return servedChain.isEmpty() ? null : servedChain.get(0);
    }
}
