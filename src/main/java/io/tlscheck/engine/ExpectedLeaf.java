package io.tlscheck.engine;

import java.security.cert.X509Certificate;

/**
 * The certificate a server is expected to serve, from where it was read (a Kubernetes Secret,
 * typically kept current by cert-manager). When it could not be read, {@code problem} says why
 * and {@code certificate} is {@code null}.
 *
 * @param source      where the expected certificate lives, such as {@code Secret web/web-tls}
 * @param certificate the expected leaf, or {@code null}
 * @param problem     why it could not be read, or {@code null}
 */
public record ExpectedLeaf(String source, X509Certificate certificate, String problem) {
    public static ExpectedLeaf of(String source, X509Certificate certificate) {
        return new ExpectedLeaf(source, certificate, null);
    }

    public static ExpectedLeaf unavailable(String source, String problem) {
        return new ExpectedLeaf(source, null, problem);
    }
}
