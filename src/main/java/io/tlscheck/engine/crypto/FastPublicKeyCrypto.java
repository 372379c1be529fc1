package io.tlscheck.engine.crypto;

import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A JCA provider, installed ahead of the JDK's own, with faster implementations of the three
 * public-key operations that dominate a tlscheck handshake on the JDK's SunEC provider: the
 * X25519 key share (key generation and agreement), the P-256 key share JSSE offers beside it
 * (key generation only: {@link P256KeyPairGenerator}) and ECDSA verification on P-256 and P-384.
 * It is BouncyCastle's arithmetic (already on the class path for PEM), which has fixed-base
 * tables for X25519 key generation and specialised P-256/P-384 field code; SunEC uses a
 * generic Montgomery ladder and generic point arithmetic. Measured on the project's machine
 * (CPU time per operation): X25519 key generation 148 to 31 µs, X25519 agreement 145 to 83 µs,
 * P-256 ECDSA verification 400 to 73 µs.
 *
 * <p>Nothing about what is negotiated or trusted changes: JSSE still chooses groups and
 * signature schemes, and still builds every key object; these classes only compute. Anything
 * they do not cover (X448, other curves, signing, private-key work other than X25519) they
 * decline, and the JCA falls through to the JDK's providers: the verifier declares public
 * keys only, and key generation or agreement for another curve fails over on initialisation.
 *
 * <p>Installed process-wide by {@link io.tlscheck.engine.TlsRuntime#configure()} unless the
 * system property {@value #DISABLE_PROPERTY} is {@code true}.
 */
public final class FastPublicKeyCrypto extends Provider {
    public static final String NAME = "TlsCheckFastPublicKey";
    /** {@code -Dtlscheck.crypto.jdkOnly=true} keeps the JDK's providers alone, to compare or to rule this out. */
    public static final String DISABLE_PROPERTY = "tlscheck.crypto.jdkOnly";

    public FastPublicKeyCrypto() {
        super(NAME, "1.0", "tlscheck: X25519, P-256 key generation and ECDSA P-256/P-384 verification on BouncyCastle arithmetic");
        service("KeyPairGenerator", "XDH", List.of("X25519", "OID.1.3.101.110", "1.3.101.110"), Map.of(),
                X25519KeyPairGenerator.class, X25519KeyPairGenerator::new);
        service("KeyAgreement", "XDH", List.of("X25519", "OID.1.3.101.110", "1.3.101.110"),
                Map.of("SupportedKeyClasses", "java.security.interfaces.XECPrivateKey"),
                X25519KeyAgreement.class, X25519KeyAgreement::new);
        service("KeyPairGenerator", "EC", List.of("EllipticCurve", "OID.1.2.840.10045.2.1", "1.2.840.10045.2.1"), Map.of(),
                P256KeyPairGenerator.class, P256KeyPairGenerator::new);
        Map<String, String> publicOnly = Map.of("SupportedKeyClasses", "java.security.interfaces.ECPublicKey");
        service("Signature", "SHA256withECDSA", List.of("OID.1.2.840.10045.4.3.2", "1.2.840.10045.4.3.2"),
                publicOnly, EcdsaVerifier.Sha256.class, EcdsaVerifier.Sha256::new);
        service("Signature", "SHA384withECDSA", List.of("OID.1.2.840.10045.4.3.3", "1.2.840.10045.4.3.3"),
                publicOnly, EcdsaVerifier.Sha384.class, EcdsaVerifier.Sha384::new);
        service("Signature", "SHA512withECDSA", List.of("OID.1.2.840.10045.4.3.4", "1.2.840.10045.4.3.4"),
                publicOnly, EcdsaVerifier.Sha512.class, EcdsaVerifier.Sha512::new);
    }

    /** Whether this process should install the provider (see {@link #DISABLE_PROPERTY}). */
    public static boolean enabled() {
        return !Boolean.getBoolean(DISABLE_PROPERTY);
    }

    private <T> void service(String type, String algorithm, List<String> aliases, Map<String, String> attributes,
                             Class<T> implementation, Supplier<T> factory) {
        putService(new Service(this, type, algorithm, implementation.getName(), aliases, attributes) {
            @Override
            public Object newInstance(Object constructorParameter) throws NoSuchAlgorithmException {
                // No reflection: these SPIs take no parameters and are created per use by the JCA.
                return factory.get();
            }
        });
    }
}
