package io.tlscheck.engine.crypto;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidParameterException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGeneratorSpi;
import java.security.ProviderException;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Locale;
import java.util.Set;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * P-256 key pairs for the TLS key share. JSSE offers a secp256r1 share beside the X25519 one in
 * every TLS 1.3 ClientHello, and the server nearly always picks X25519, so this key is usually
 * thrown away: it should cost little. SunEC's fixed-base multiplication relies on intrinsics
 * that only the C2 compiler provides; the operator, sidecar and CLI run on C1, where it costs
 * about 460 µs against 120 µs for BouncyCastle's comb multiplier (C2: 94 against 70 µs).
 *
 * <p>The private scalar is drawn uniformly from [1, n-1]; the JDK's own key classes (built
 * through SunEC's KeyFactory) carry the result, so JSSE and ECDH see the objects SunEC would
 * have made. Any other curve, and generation without initialisation (whose default curve is
 * SunEC's to choose), is left to SunEC: initialisation fails here and the JCA asks the next
 * provider.
 */
final class P256KeyPairGenerator extends KeyPairGeneratorSpi {
    private static final Set<String> NAMES = Set.of("secp256r1", "prime256v1", "p-256", "nist p-256",
            "1.2.840.10045.3.1.7", "oid.1.2.840.10045.3.1.7");
    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256r1");
    private static final FixedPointCombMultiplier MULTIPLIER = new FixedPointCombMultiplier();
    /** SunEC's own P-256 parameters (a named curve), so keys encode with the curve's OID. */
    private static final ECParameterSpec JDK_PARAMS = jdkParams();

    private SecureRandom random;
    private boolean initialised;

    @Override
    public void initialize(int keySize, SecureRandom random) {
        if (keySize != 256) {
            throw new InvalidParameterException("only P-256 here");
        }
        this.random = random;
        this.initialised = true;
    }

    @Override
    public void initialize(AlgorithmParameterSpec params, SecureRandom random) throws InvalidAlgorithmParameterException {
        boolean p256 = params instanceof ECGenParameterSpec named && NAMES.contains(named.getName().toLowerCase(Locale.ROOT))
                || params instanceof ECParameterSpec spec && FastCurves.isP256(spec);
        if (!p256) {
            throw new InvalidAlgorithmParameterException("only P-256 here");
        }
        this.random = random;
        this.initialised = true;
    }

    @Override
    public KeyPair generateKeyPair() {
        if (!initialised) {
            // The default curve is SunEC's to choose: failing here makes the JCA hand the call on.
            throw new IllegalStateException("P-256 only, and not initialised");
        }
        if (random == null) {
            random = new SecureRandom();
        }
        BigInteger n = CURVE.getN();
        BigInteger d;
        do {
            d = new BigInteger(n.bitLength(), random);
        } while (d.signum() == 0 || d.compareTo(n) >= 0);
        var q = MULTIPLIER.multiply(CURVE.getG(), d).normalize();
        try {
            KeyFactory factory = KeyFactory.getInstance("EC", "SunEC");
            ECPoint w = new ECPoint(q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
            return new KeyPair(factory.generatePublic(new ECPublicKeySpec(w, JDK_PARAMS)),
                    factory.generatePrivate(new ECPrivateKeySpec(d, JDK_PARAMS)));
        } catch (GeneralSecurityException e) {
            throw new ProviderException("SunEC cannot hold a P-256 key", e);
        }
    }

    private static ECParameterSpec jdkParams() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC", "SunEC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
