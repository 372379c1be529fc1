package io.tlscheck.engine.crypto;

import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.interfaces.XECPrivateKey;
import java.security.interfaces.XECPublicKey;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;

import javax.crypto.KeyAgreementSpi;
import javax.crypto.SecretKey;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * X25519 key agreement (RFC 7748 §6.1) on BouncyCastle's ladder, behaving as SunEC's does: it
 * takes the JDK's key objects, rejects an all-zero shared secret (a small-order peer point,
 * RFC 7748 §6.1 / RFC 8446 §7.4.2), and yields "TlsPremasterSecret" or "Generic" keys. A
 * private key of another curve (X448) is refused at init, so the JCA moves on to SunEC.
 */
final class X25519KeyAgreement extends KeyAgreementSpi {
    private byte[] scalar;
    private byte[] secret;

    @Override
    protected void engineInit(Key key, SecureRandom random) throws InvalidKeyException {
        if (!(key instanceof XECPrivateKey privateKey)
                || !(privateKey.getParams() instanceof NamedParameterSpec named) || !X25519Keys.isX25519(named)) {
            throw new InvalidKeyException("only X25519 private keys here");
        }
        byte[] k = privateKey.getScalar().orElseThrow(() -> new InvalidKeyException("no private key value"));
        if (k.length != X25519.SCALAR_SIZE) {
            throw new InvalidKeyException("an X25519 scalar is 32 bytes, not " + k.length);
        }
        clear();
        scalar = k;
    }

    @Override
    protected void engineInit(Key key, AlgorithmParameterSpec params, SecureRandom random)
            throws InvalidKeyException, InvalidAlgorithmParameterException {
        if (params != null && !(params instanceof NamedParameterSpec named && X25519Keys.isX25519(named))) {
            throw new InvalidAlgorithmParameterException("only X25519 here");
        }
        engineInit(key, random);
    }

    @Override
    protected Key engineDoPhase(Key key, boolean lastPhase) throws InvalidKeyException {
        if (scalar == null) {
            throw new IllegalStateException("Not initialized");
        }
        if (secret != null) {
            throw new IllegalStateException("Phase already executed");
        }
        if (!lastPhase) {
            throw new IllegalStateException("Only two party agreement supported, lastPhase must be true");
        }
        if (!(key instanceof XECPublicKey publicKey)
                || !(publicKey.getParams() instanceof NamedParameterSpec named) || !X25519Keys.isX25519(named)) {
            throw new InvalidKeyException("Public key parameters are not compatible with private key.");
        }
        byte[] shared = new byte[X25519.POINT_SIZE];
        if (!X25519.calculateAgreement(scalar, 0, X25519Keys.toLittleEndian(publicKey.getU()), 0, shared, 0)) {
            throw new InvalidKeyException("Point has small order");
        }
        secret = shared;
        return null;
    }

    @Override
    protected byte[] engineGenerateSecret() {
        if (secret == null) {
            throw new IllegalStateException("Not initialized correctly");
        }
        byte[] result = secret;
        secret = null;
        return result;
    }

    @Override
    protected int engineGenerateSecret(byte[] sharedSecret, int offset) throws ShortBufferException {
        if (secret == null) {
            throw new IllegalStateException("Not initialized correctly");
        }
        if (secret.length > sharedSecret.length - offset) {
            throw new ShortBufferException("Need " + secret.length + " bytes, only "
                    + (sharedSecret.length - offset) + " available");
        }
        byte[] result = engineGenerateSecret();
        System.arraycopy(result, 0, sharedSecret, offset, result.length);
        Arrays.fill(result, (byte) 0);
        return result.length;
    }

    @Override
    protected SecretKey engineGenerateSecret(String algorithm) throws NoSuchAlgorithmException {
        if (algorithm == null) {
            throw new NoSuchAlgorithmException("Algorithm must not be null");
        }
        // The same two outputs SunEC allows (sun.security.util.KeyUtil).
        if (!algorithm.equalsIgnoreCase("TlsPremasterSecret") && !algorithm.equalsIgnoreCase("Generic")) {
            throw new NoSuchAlgorithmException("Unsupported secret key algorithm: " + algorithm);
        }
        byte[] result = engineGenerateSecret();
        try {
            return new SecretKeySpec(result, algorithm);
        } finally {
            Arrays.fill(result, (byte) 0);
        }
    }

    private void clear() {
        if (scalar != null) {
            Arrays.fill(scalar, (byte) 0);
        }
        scalar = null;
        secret = null;
    }
}
