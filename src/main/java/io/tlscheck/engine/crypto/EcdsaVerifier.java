package io.tlscheck.engine.crypto;

import java.math.BigInteger;
import java.security.InvalidKeyException;
import java.security.InvalidParameterException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SignatureException;
import java.security.SignatureSpi;
import java.security.interfaces.ECPublicKey;

import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;

/**
 * ECDSA signature verification (FIPS 186-5, X9.62 DER signatures) on P-256 and P-384 with
 * BouncyCastle's specialised curve arithmetic: the TLS 1.3 CertificateVerify of an ECDSA
 * server and the signatures on its certificates. Verification only handles public data, so it
 * needs no constant-time care. Keys on other curves are refused at init, and the JCA then
 * asks the next provider (SunEC); this class never signs (it declares public keys only).
 */
abstract class EcdsaVerifier extends SignatureSpi {
    private final MessageDigest digest;
    private ECPublicKeyParameters key;

    EcdsaVerifier(String digestAlgorithm) {
        try {
            this.digest = MessageDigest.getInstance(digestAlgorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(digestAlgorithm + " is always available", e);
        }
    }

    static final class Sha256 extends EcdsaVerifier {
        Sha256() {
            super("SHA-256");
        }
    }

    static final class Sha384 extends EcdsaVerifier {
        Sha384() {
            super("SHA-384");
        }
    }

    static final class Sha512 extends EcdsaVerifier {
        Sha512() {
            super("SHA-512");
        }
    }

    @Override
    protected void engineInitVerify(PublicKey publicKey) throws InvalidKeyException {
        if (!(publicKey instanceof ECPublicKey ec)) {
            throw new InvalidKeyException("not an EC public key");
        }
        key = FastCurves.publicKey(ec).orElseThrow(() -> new InvalidKeyException("only P-256 and P-384 keys here"));
        digest.reset();
    }

    @Override
    protected void engineInitSign(PrivateKey privateKey) throws InvalidKeyException {
        throw new InvalidKeyException("verification only");
    }

    @Override
    protected void engineUpdate(byte b) {
        digest.update(b);
    }

    @Override
    protected void engineUpdate(byte[] b, int off, int len) {
        digest.update(b, off, len);
    }

    @Override
    protected void engineUpdate(java.nio.ByteBuffer input) {
        digest.update(input);
    }

    @Override
    protected byte[] engineSign() throws SignatureException {
        throw new SignatureException("verification only");
    }

    @Override
    protected boolean engineVerify(byte[] signature) throws SignatureException {
        if (key == null) {
            throw new SignatureException("not initialised for verification");
        }
        byte[] hash = digest.digest();
        BigInteger[] rs = DerEcdsaSignature.decode(signature);
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, key);
        // ECDSASigner checks 0 < r, s < n and truncates the hash to the order's length (SEC 1 §4.1.4).
        return verifier.verifySignature(hash, rs[0], rs[1]);
    }

    @Override
    @Deprecated
    protected void engineSetParameter(String param, Object value) {
        throw new InvalidParameterException("no parameters");
    }

    @Override
    @Deprecated
    protected Object engineGetParameter(String param) {
        throw new InvalidParameterException("no parameters");
    }
}
