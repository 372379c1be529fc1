package io.tlscheck.engine.crypto;

import java.math.BigInteger;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidParameterException;
import java.security.KeyPair;
import java.security.KeyPairGeneratorSpi;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.NamedParameterSpec;

import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * X25519 key pairs (RFC 7748) for the TLS key share: BouncyCastle computes the public key
 * with its fixed-base table, and the JDK's own key classes carry the result, so JSSE and every
 * other JCA user see exactly the objects SunEC would have made. Any other parameter (X448) is
 * refused, and the JCA then asks the next provider.
 */
final class X25519KeyPairGenerator extends KeyPairGeneratorSpi {
    private SecureRandom random;

    @Override
    public void initialize(int keySize, SecureRandom random) {
        if (keySize != 255) {
            throw new InvalidParameterException("only X25519 (255 bits) here");
        }
        this.random = random;
    }

    @Override
    public void initialize(AlgorithmParameterSpec params, SecureRandom random) throws InvalidAlgorithmParameterException {
        if (!(params instanceof NamedParameterSpec named) || !X25519Keys.isX25519(named)) {
            throw new InvalidAlgorithmParameterException("only X25519 here");
        }
        this.random = random;
    }

    @Override
    public KeyPair generateKeyPair() {
        if (random == null) {
            random = new SecureRandom();
        }
        byte[] scalar = new byte[X25519.SCALAR_SIZE];
        X25519.generatePrivateKey(random, scalar);
        byte[] u = new byte[X25519.POINT_SIZE];
        X25519.generatePublicKey(scalar, 0, u, 0);
        BigInteger publicU = X25519Keys.fromLittleEndian(u);
        return new KeyPair(X25519Keys.publicKey(publicU), X25519Keys.privateKey(scalar));
    }
}
