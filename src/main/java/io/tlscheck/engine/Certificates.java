package io.tlscheck.engine;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/** Facts read off one X.509 certificate, as the rules and reports need them. */
public final class Certificates {
    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;

    private Certificates() {
    }

    /** DNS names from the subjectAltName extension (RFC 5280 §4.2.1.6). */
    public static List<String> dnsNames(X509Certificate cert) {
        return subjectAltNames(cert, SAN_DNS);
    }

    /** IP addresses from the subjectAltName extension, as the JDK formats them. */
    public static List<String> ipAddresses(X509Certificate cert) {
        return subjectAltNames(cert, SAN_IP);
    }

    /** DNS and IP SANs together, for messages. */
    public static List<String> allNames(X509Certificate cert) {
        List<String> names = new ArrayList<>(dnsNames(cert));
        names.addAll(ipAddresses(cert));
        return names;
    }

    public static boolean hasSubjectAltNames(X509Certificate cert) {
        try {
            Collection<List<?>> sans = cert.getSubjectAlternativeNames();
            return sans != null && !sans.isEmpty();
        } catch (CertificateParsingException e) {
            return false;
        }
    }

    private static List<String> subjectAltNames(X509Certificate cert, int type) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> sans = cert.getSubjectAlternativeNames();
            if (sans == null) {
                return names;
            }
            for (List<?> san : sans) {
                if (san.size() >= 2 && Integer.valueOf(type).equals(san.get(0)) && san.get(1) instanceof String s) {
                    names.add(s);
                }
            }
        } catch (CertificateParsingException e) {
            // A malformed SAN extension is treated as no SANs: the hostname rule then fails it.
        }
        return names;
    }

    /** {@code RSA}, {@code EC}, {@code Ed25519}, ... */
    public static String keyType(PublicKey key) {
        String algorithm = key.getAlgorithm();
        return algorithm.equals("EdDSA") ? key.toString().contains("Ed448") ? "Ed448" : "Ed25519" : algorithm;
    }

    /** RSA modulus or EC field size in bits; 0 when unknown. */
    public static int keyBits(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return rsa.getModulus().bitLength();
        }
        if (key instanceof ECPublicKey ec) {
            return ec.getParams().getCurve().getField().getFieldSize();
        }
        return switch (key.getAlgorithm()) {
            case "Ed25519", "X25519" -> 256;
            case "Ed448", "X448" -> 456;
            default -> 0;
        };
    }

    /** {@code RSA 2048}, {@code EC 256}. */
    public static String keyDescription(X509Certificate cert) {
        PublicKey key = cert.getPublicKey();
        int bits = keyBits(key);
        return bits > 0 ? keyType(key) + " " + bits : keyType(key);
    }

    /**
     * The digest of a signature algorithm name, upper case without dashes: {@code SHA256withRSA}
     * gives {@code SHA256}, {@code MD5withRSA} gives {@code MD5}; EdDSA gives {@code ""}.
     */
    public static String signatureHash(X509Certificate cert) {
        String name = cert.getSigAlgName().toUpperCase(Locale.ROOT).replace("-", "");
        int with = name.indexOf("WITH");
        return with > 0 ? name.substring(0, with) : "";
    }

    public static String sha256Fingerprint(X509Certificate cert) {
        try {
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(sha256(cert.getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("certificate cannot be encoded", e);
        }
    }

    /** Base64 of SHA-256 over the SubjectPublicKeyInfo: the pin format of RFC 7469. */
    public static String spkiPin(X509Certificate cert) {
        return Base64.getEncoder().encodeToString(sha256(cert.getPublicKey().getEncoded()));
    }

    public static boolean isSelfIssued(X509Certificate cert) {
        return cert.getSubjectX500Principal().equals(cert.getIssuerX500Principal());
    }

    /** Self-issued and signed by its own key. */
    public static boolean isSelfSigned(X509Certificate cert) {
        return isSelfIssued(cert) && isSignedBy(cert, cert.getPublicKey());
    }

    /** Whether {@code key} verifies the signature on {@code cert}. */
    public static boolean isSignedBy(X509Certificate cert, PublicKey key) {
        try {
            cert.verify(key);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** The common name of a subject, or the whole DN when it has none: for short labels. */
    public static String shortName(X509Certificate cert) {
        String dn = cert.getSubjectX500Principal().getName();
        for (String part : dn.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
            if (part.trim().startsWith("CN=")) {
                return part.trim().substring(3);
            }
        }
        return dn;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
