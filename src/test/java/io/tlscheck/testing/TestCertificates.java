package io.tlscheck.testing;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Generates X.509 certificates at test time with BouncyCastle, so no certificate that can
 * expire is ever committed. Fluent: {@code TestCertificates.leaf("valid.test").issuedBy(ca).build()}.
 *
 * <p>Keys are cached per size because RSA generation dominates test time; every certificate
 * still gets its own serial number, and tests that need distinct keys ask with {@link #freshKey()}.
 */
public final class TestCertificates {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Not installed globally: only used for what the JDK's providers refuse (secp224r1). */
    private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();
    private static final AtomicLong SERIALS = new AtomicLong(System.nanoTime() & 0xffffffL);
    private static final ConcurrentHashMap<String, List<KeyPair>> KEY_POOL = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, AtomicLong> KEY_CURSOR = new ConcurrentHashMap<>();

    private String subject;
    private Issued issuer;
    private KeyPair keyPair;
    private String keyAlgorithm = "RSA";
    private int keySize = 2048;
    private String signatureAlgorithm;
    private Instant notBefore = Instant.now().minus(Duration.ofDays(1));
    private Instant notAfter = Instant.now().plus(Duration.ofDays(90));
    private final List<GeneralName> sans = new ArrayList<>();
    private boolean ca;
    private Integer pathLength;
    private boolean basicConstraints = true;
    private List<KeyPurposeId> extendedKeyUsages = new ArrayList<>(List.of(KeyPurposeId.id_kp_serverAuth));
    private String ocspUrl;
    private String crlUrl;
    private BigInteger serial;

    private TestCertificates(String subject) {
        this.subject = subject;
    }

    /** A self-signed CA: basic constraints CA:true, keyCertSign, no EKU. */
    public static TestCertificates ca(String commonName) {
        TestCertificates b = new TestCertificates("CN=" + commonName + ",O=tlscheck tests");
        b.ca = true;
        b.extendedKeyUsages = new ArrayList<>();
        b.notAfter = Instant.now().plus(Duration.ofDays(3650));
        return b;
    }

    /** A server certificate for {@code dnsName}: CN and DNS SAN set, serverAuth EKU. */
    public static TestCertificates leaf(String dnsName) {
        return new TestCertificates("CN=" + dnsName).dns(dnsName);
    }

    /** A server certificate with the given subject and no SAN (add them explicitly). */
    public static TestCertificates withSubject(String distinguishedName) {
        return new TestCertificates(distinguishedName);
    }

    public TestCertificates issuedBy(Issued issuingCa) {
        this.issuer = issuingCa;
        return this;
    }

    public TestCertificates dns(String... names) {
        for (String name : names) {
            sans.add(new GeneralName(GeneralName.dNSName, name));
        }
        return this;
    }

    public TestCertificates ip(String... addresses) {
        for (String address : addresses) {
            sans.add(new GeneralName(GeneralName.iPAddress, address));
        }
        return this;
    }

    public TestCertificates noSubjectAltNames() {
        sans.clear();
        return this;
    }

    public TestCertificates rsa(int bits) {
        keyAlgorithm = "RSA";
        keySize = bits;
        return this;
    }

    /**
     * EC key on a named curve: 256 (secp256r1), 384, 521, or 224 (secp224r1) for weak-key tests.
     * The JDK reads secp224r1 keys in certificates but no longer generates or signs with them,
     * so those keys come from BouncyCastle; a certificate signed by one cannot be verified by the
     * JDK either, so use a secp224r1 key on a leaf, not on an issuer a chain must be built through.
     */
    public TestCertificates ec(int bits) {
        keyAlgorithm = "EC";
        keySize = bits;
        return this;
    }

    public TestCertificates keyPair(KeyPair pair) {
        this.keyPair = pair;
        return this;
    }

    /** A key generated for this certificate alone, not taken from the pool. */
    public TestCertificates freshKey() {
        this.keyPair = generate(keyAlgorithm, keySize);
        return this;
    }

    /** Such as {@code SHA1withRSA}, {@code MD5withRSA}; defaults to SHA-256 with the issuer's key type. */
    public TestCertificates signatureAlgorithm(String algorithm) {
        this.signatureAlgorithm = algorithm;
        return this;
    }

    public TestCertificates validFor(Instant from, Instant until) {
        this.notBefore = from;
        this.notAfter = until;
        return this;
    }

    /** Valid from a day ago until {@code remaining} from now (negative: already expired). */
    public TestCertificates expiresIn(Duration remaining) {
        Instant end = Instant.now().plus(remaining);
        this.notAfter = end;
        if (!notBefore.isBefore(end)) {
            this.notBefore = end.minus(Duration.ofDays(90));
        }
        return this;
    }

    public TestCertificates isCa(boolean value) {
        this.ca = value;
        return this;
    }

    public TestCertificates pathLength(int value) {
        this.pathLength = value;
        return this;
    }

    public TestCertificates withoutBasicConstraints() {
        this.basicConstraints = false;
        return this;
    }

    public TestCertificates extendedKeyUsage(KeyPurposeId... purposes) {
        this.extendedKeyUsages = new ArrayList<>(List.of(purposes));
        return this;
    }

    public TestCertificates noExtendedKeyUsage() {
        this.extendedKeyUsages = new ArrayList<>();
        return this;
    }

    public TestCertificates ocspResponder(String url) {
        this.ocspUrl = url;
        return this;
    }

    public TestCertificates crlDistributionPoint(String url) {
        this.crlUrl = url;
        return this;
    }

    public TestCertificates serial(BigInteger value) {
        this.serial = value;
        return this;
    }

    public Issued build() {
        try {
            KeyPair keys = keyPair != null ? keyPair : pooledKey(keyAlgorithm, keySize);
            X500Principal subjectName = new X500Principal(subject);
            X500Principal issuerName = issuer == null ? subjectName : issuer.certificate().getSubjectX500Principal();
            KeyPair signingKeys = issuer == null ? keys : issuer.keyPair();
            BigInteger serialNumber = serial != null ? serial : BigInteger.valueOf(SERIALS.incrementAndGet());
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName, serialNumber,
                    Date.from(notBefore), Date.from(notAfter), subjectName, keys.getPublic());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(keys.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    extensions.createAuthorityKeyIdentifier(signingKeys.getPublic()));
            if (basicConstraints) {
                BasicConstraints constraints = ca
                        ? (pathLength == null ? new BasicConstraints(true) : new BasicConstraints(pathLength))
                        : new BasicConstraints(false);
                builder.addExtension(Extension.basicConstraints, true, constraints);
            }
            builder.addExtension(Extension.keyUsage, true, ca
                    ? new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature)
                    : new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            if (!extendedKeyUsages.isEmpty()) {
                builder.addExtension(Extension.extendedKeyUsage, false,
                        new ExtendedKeyUsage(extendedKeyUsages.toArray(KeyPurposeId[]::new)));
            }
            if (!sans.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(sans.toArray(GeneralName[]::new)));
            }
            if (ocspUrl != null) {
                builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                        new AccessDescription(AccessDescription.id_ad_ocsp,
                                new GeneralName(GeneralName.uniformResourceIdentifier, ocspUrl))));
            }
            if (crlUrl != null) {
                DistributionPointName name = new DistributionPointName(new GeneralNames(
                        new GeneralName(GeneralName.uniformResourceIdentifier, crlUrl)));
                builder.addExtension(Extension.cRLDistributionPoints, false,
                        new CRLDistPoint(new DistributionPoint[] {new DistributionPoint(name, null, null)}));
            }
            String algorithm = signatureAlgorithm != null ? signatureAlgorithm : defaultSignature(signingKeys);
            ContentSigner signer = signerBuilder(algorithm, signingKeys.getPrivate()).build(signingKeys.getPrivate());
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(builder.build(signer));
            return new Issued(certificate, keys);
        } catch (Exception e) {
            throw new IllegalStateException("cannot generate test certificate " + subject, e);
        }
    }

    private static JcaContentSignerBuilder signerBuilder(String algorithm, PrivateKey key) {
        JcaContentSignerBuilder builder = new JcaContentSignerBuilder(algorithm);
        // A BouncyCastle key (secp224r1) must be signed with by BouncyCastle: SunEC rejects the curve.
        return key.getClass().getName().startsWith("org.bouncycastle.") ? builder.setProvider(BOUNCY_CASTLE) : builder;
    }

    /** SHA-256 with the key's type: what tests sign with unless told otherwise. */
    static String defaultSignature(KeyPair keys) {
        return keys.getPublic().getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
    }

    /** Keys from a small pool per type and size, so a test run generates only a few RSA keys. */
    private static KeyPair pooledKey(String algorithm, int size) {
        String kind = algorithm + size;
        List<KeyPair> pool = KEY_POOL.computeIfAbsent(kind, k -> {
            List<KeyPair> keys = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                keys.add(generate(algorithm, size));
            }
            return keys;
        });
        long next = KEY_CURSOR.computeIfAbsent(kind, k -> new AtomicLong()).getAndIncrement();
        return pool.get((int) (next % pool.size()));
    }

    public static KeyPair generate(String algorithm, int size) {
        try {
            boolean weakCurve = algorithm.equals("EC") && size == 224;
            KeyPairGenerator generator = weakCurve
                    ? KeyPairGenerator.getInstance(algorithm, BOUNCY_CASTLE)
                    : KeyPairGenerator.getInstance(algorithm);
            if (algorithm.equals("EC")) {
                generator.initialize(new ECGenParameterSpec(switch (size) {
                    case 224 -> "secp224r1";
                    case 384 -> "secp384r1";
                    case 521 -> "secp521r1";
                    default -> "secp256r1";
                }), RANDOM);
            } else {
                generator.initialize(size, RANDOM);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a " + algorithm + " " + size + " key", e);
        }
    }
}
