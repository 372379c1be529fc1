package io.tlscheck.metrics;

/** Identifies a TlsCheck in metrics: its namespace (may be empty outside a cluster) and name. */
public record CheckKey(String namespace, String name) {
    public CheckKey {
        namespace = namespace == null ? "" : namespace;
    }

    @Override
    public String toString() {
        return namespace.isEmpty() ? name : namespace + "/" + name;
    }
}
