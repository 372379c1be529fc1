package io.tlscheck.operator;

import io.tlscheck.engine.Endpoint;

/**
 * One endpoint a TlsCheck resolved to.
 *
 * @param endpoint    where to connect and which name to verify
 * @param pod         the pod behind it (Service targets), or {@code null}
 * @param secretRef   {@code namespace/name} of the Secret whose certificate the server must
 *                    serve (Ingress TLS entries, matchSecret), or {@code null}
 */
public record PlannedEndpoint(Endpoint endpoint, String pod, String secretRef) {
}
