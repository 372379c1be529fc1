package io.tlscheck.engine;

import java.util.Locale;
import java.util.Set;

/**
 * Mozilla's server-side TLS profiles (https://wiki.mozilla.org/Security/Server_Side_TLS, v5.7):
 * the protocol versions and cipher suites each one recommends.
 */
public enum PolicyProfile {
    MODERN(Set.of("TLSv1.3"), Set.of(
            "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256")),
    INTERMEDIATE(Set.of("TLSv1.3", "TLSv1.2"), Set.of(
            "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256")),
    OLD(Set.of("TLSv1.3", "TLSv1.2", "TLSv1.1", "TLSv1"), null);

    private final Set<String> protocols;
    private final Set<String> cipherSuites;

    PolicyProfile(Set<String> protocols, Set<String> cipherSuites) {
        this.protocols = protocols;
        this.cipherSuites = cipherSuites;
    }

    public static PolicyProfile parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown policy profile '" + name
                    + "' (expected modern, intermediate or old)");
        }
    }

    public boolean allowsProtocol(String protocol) {
        return protocols.contains(protocol);
    }

    /**
     * Whether the profile recommends a suite. The old profile accepts any suite that is neither
     * anonymous, NULL, export-grade, RC4 nor single DES: those are broken, not merely old.
     */
    public boolean allowsCipherSuite(String suite) {
        if (cipherSuites != null) {
            return cipherSuites.contains(suite);
        }
        return !(suite.contains("_anon_") || suite.contains("_NULL_") || suite.contains("EXPORT")
                || suite.contains("_RC4_") || suite.contains("_DES_CBC_") || suite.endsWith("_NULL"));
    }

    public String displayName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
