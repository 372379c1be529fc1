package io.tlscheck.engine;

import java.util.Objects;

/**
 * One thing found wrong with an endpoint.
 *
 * @param id       stable rule id, such as {@code validity.expired}
 * @param severity how bad it is
 * @param reason   CamelCase reason for status conditions and events, such as {@code CertificateExpired}
 * @param message  one line a person understands, naming the certificate and the figures
 * @param remedy   what to do about it
 */
public record Finding(String id, Severity severity, String reason, String message, String remedy) {
    public Finding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
        remedy = remedy == null ? "" : remedy;
    }
}
