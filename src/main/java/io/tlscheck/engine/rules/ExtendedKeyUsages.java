package io.tlscheck.engine.rules;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the extendedKeyUsage extension (RFC 5280 §4.2.1.12) for the two EKU rules. */
final class ExtendedKeyUsages {
    static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    static final String ANY = "2.5.29.37.0";
    private static final String EXTENSION = "2.5.29.37";
    private static final Map<String, String> NAMES = Map.of(
            SERVER_AUTH, "serverAuth",
            "1.3.6.1.5.5.7.3.2", "clientAuth",
            "1.3.6.1.5.5.7.3.3", "codeSigning",
            "1.3.6.1.5.5.7.3.4", "emailProtection",
            "1.3.6.1.5.5.7.3.8", "timeStamping",
            "1.3.6.1.5.5.7.3.9", "OCSPSigning",
            ANY, "anyExtendedKeyUsage");

    private ExtendedKeyUsages() {
    }

    /**
     * The purposes the certificate lists; empty when it has no such extension, and an empty
     * list when it has one that cannot be read (which clients treat as allowing nothing).
     */
    static Optional<List<String>> of(X509Certificate cert) {
        if (cert.getExtensionValue(EXTENSION) == null) {
            return Optional.empty();
        }
        try {
            List<String> purposes = cert.getExtendedKeyUsage();
            return Optional.of(purposes == null ? List.of() : purposes);
        } catch (CertificateParsingException e) {
            return Optional.of(List.of());
        }
    }

    /** {@code clientAuth} for a known purpose, the OID itself otherwise. */
    static String name(String oid) {
        return NAMES.getOrDefault(oid, oid);
    }
}
