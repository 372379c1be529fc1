package io.tlscheck.engine.crypto;

import java.math.BigInteger;
import java.security.SignatureException;
import java.util.Arrays;

/**
 * Strict DER of an ECDSA signature, {@code SEQUENCE { INTEGER r, INTEGER s }} (RFC 3279
 * §2.2.3): definite minimal lengths, minimal positive integers, nothing after the sequence.
 * As strict as SunEC: what it refuses as malformed is refused here, and what it merely finds
 * wrong (such as a negative r) fails verification here too.
 */
final class DerEcdsaSignature {
    private static final int SEQUENCE = 0x30;
    private static final int INTEGER = 0x02;

    private final byte[] der;
    private int at;

    private DerEcdsaSignature(byte[] der) {
        this.der = der;
    }

    static BigInteger[] decode(byte[] der) throws SignatureException {
        DerEcdsaSignature reader = new DerEcdsaSignature(der);
        reader.expect(SEQUENCE);
        int length = reader.length();
        if (length != der.length - reader.at) {
            throw new SignatureException("Invalid encoding for signature");
        }
        BigInteger r = reader.integer();
        BigInteger s = reader.integer();
        if (reader.at != der.length) {
            throw new SignatureException("Invalid encoding for signature");
        }
        return new BigInteger[] {r, s};
    }

    private void expect(int tag) throws SignatureException {
        if (at >= der.length || (der[at++] & 0xff) != tag) {
            throw new SignatureException("Invalid encoding for signature");
        }
    }

    /** Short form below 128, else one or two length bytes, each form only where needed. */
    private int length() throws SignatureException {
        if (at >= der.length) {
            throw new SignatureException("Invalid encoding for signature");
        }
        int first = der[at++] & 0xff;
        if (first < 0x80) {
            return first;
        }
        int count = first & 0x7f;
        if (count == 0 || count > 2 || at + count > der.length) {
            throw new SignatureException("Invalid encoding for signature");
        }
        int length = 0;
        for (int i = 0; i < count; i++) {
            length = (length << 8) | (der[at++] & 0xff);
        }
        if (length < 0x80 || (count == 2 && length < 0x100)) {
            throw new SignatureException("Invalid encoding for signature");
        }
        return length;
    }

    private BigInteger integer() throws SignatureException {
        expect(INTEGER);
        int length = length();
        if (length == 0 || at + length > der.length) {
            throw new SignatureException("Invalid encoding for signature");
        }
        byte[] value = Arrays.copyOfRange(der, at, at + length);
        at += length;
        // Minimal two's complement: no leading 0x00 unless the next byte has its top bit set.
        if (value.length > 1 && value[0] == 0 && (value[1] & 0x80) == 0) {
            throw new SignatureException("Invalid encoding for signature");
        }
        // Signed, as DER says: a negative r or s is well-formed but out of range, which the
        // verifier answers with false, as SunEC does.
        return new BigInteger(value);
    }
}
