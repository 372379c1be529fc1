package io.tlscheck.engine;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A client certificate chain and its private key, for servers that demand mutual TLS.
 * {@link #toString()} never prints the key.
 */
public final class ClientCredentials {
    private final List<X509Certificate> chain;
    private final PrivateKey key;

    public ClientCredentials(List<X509Certificate> chain, PrivateKey key) {
        if (chain == null || chain.isEmpty()) {
            throw new IllegalArgumentException("a client certificate chain needs at least one certificate");
        }
        this.chain = List.copyOf(chain);
        this.key = Objects.requireNonNull(key, "key");
    }

    public List<X509Certificate> chain() {
        return chain;
    }

    public PrivateKey key() {
        return key;
    }

    @Override
    public String toString() {
        return "ClientCredentials[" + chain.get(0).getSubjectX500Principal().getName() + ", key redacted]";
    }
}
