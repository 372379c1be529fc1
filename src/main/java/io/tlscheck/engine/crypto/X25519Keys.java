package io.tlscheck.engine.crypto;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.Security;
import java.security.interfaces.XECPrivateKey;
import java.security.interfaces.XECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.Arrays;

/**
 * Conversions between RFC 7748's little-endian byte strings and the JDK's X25519 key objects,
 * which SunEC's key factory builds (cheaply: it only stores the values).
 */
final class X25519Keys {
    private static final int LENGTH = 32;

    private X25519Keys() {
    }

    static boolean isX25519(NamedParameterSpec spec) {
        return spec.getName().equalsIgnoreCase(NamedParameterSpec.X25519.getName());
    }

    static XECPublicKey publicKey(BigInteger u) {
        try {
            return (XECPublicKey) factory().generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, u));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot represent an X25519 public key", e);
        }
    }

    static XECPrivateKey privateKey(byte[] scalar) {
        try {
            return (XECPrivateKey) factory().generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, scalar));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot represent an X25519 private key", e);
        } finally {
            Arrays.fill(scalar, (byte) 0);
        }
    }

    /** RFC 7748 §5: u-coordinates are 32 bytes, little-endian. */
    static BigInteger fromLittleEndian(byte[] bytes) {
        byte[] bigEndian = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            bigEndian[i] = bytes[bytes.length - 1 - i];
        }
        return new BigInteger(1, bigEndian);
    }

    /** The inverse of {@link #fromLittleEndian}, for u below 2^256 (JDK keys hold u mod p). */
    static byte[] toLittleEndian(BigInteger value) {
        byte[] bigEndian = value.toByteArray();
        byte[] out = new byte[LENGTH];
        for (int i = 0; i < Math.min(LENGTH, bigEndian.length); i++) {
            out[i] = bigEndian[bigEndian.length - 1 - i];
        }
        return out;
    }

    /** SunEC's factory, by name: this provider must never be asked to build key objects itself. */
    private static KeyFactory factory() throws GeneralSecurityException {
        Provider sunEc = Security.getProvider("SunEC");
        return sunEc != null ? KeyFactory.getInstance("XDH", sunEc) : KeyFactory.getInstance("XDH");
    }
}
