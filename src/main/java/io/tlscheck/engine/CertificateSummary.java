package io.tlscheck.engine;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * What a person (or a status field) needs to know about one certificate; never key material.
 */
public record CertificateSummary(String subject, String issuer, String serialNumber, Instant notBefore,
                                 Instant notAfter, String sha256, List<String> dnsNames, List<String> ipAddresses,
                                 String keyType, int keyBits, String signatureAlgorithm) {

    public static CertificateSummary of(X509Certificate cert) {
        return new CertificateSummary(
                cert.getSubjectX500Principal().getName(),
                cert.getIssuerX500Principal().getName(),
                cert.getSerialNumber().toString(16),
                cert.getNotBefore().toInstant(),
                cert.getNotAfter().toInstant(),
                Certificates.sha256Fingerprint(cert),
                Certificates.dnsNames(cert),
                Certificates.ipAddresses(cert),
                Certificates.keyType(cert.getPublicKey()),
                Certificates.keyBits(cert.getPublicKey()),
                cert.getSigAlgName());
    }
}
