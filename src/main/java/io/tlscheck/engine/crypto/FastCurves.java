package io.tlscheck.engine.crypto;

import java.math.BigInteger;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;

/**
 * The curves {@link EcdsaVerifier} handles, in BouncyCastle's specialised form, and how a JDK
 * EC public key maps onto them: by comparing every domain parameter, not a name, since a key
 * from a certificate carries explicit parameters.
 */
final class FastCurves {
    private static final List<Curve> CURVES = List.of(curve("secp256r1"), curve("secp384r1"));

    private FastCurves() {
    }

    /** Whether these domain parameters are P-256's, compared field by field. */
    static boolean isP256(ECParameterSpec params) {
        return CURVES.get(0).matches(params);
    }

    /** The key as BouncyCastle parameters when its curve is P-256 or P-384 and its point lies on it. */
    static Optional<ECPublicKeyParameters> publicKey(ECPublicKey key) {
        ECParameterSpec params = key.getParams();
        if (params == null) {
            return Optional.empty();
        }
        for (Curve curve : CURVES) {
            if (curve.matches(params)) {
                ECPoint w = key.getW();
                if (w == null || ECPoint.POINT_INFINITY.equals(w)) {
                    return Optional.empty();
                }
                try {
                    // validatePoint checks the coordinates are field elements on the curve.
                    var point = curve.domain.getCurve().validatePoint(w.getAffineX(), w.getAffineY());
                    return Optional.of(new ECPublicKeyParameters(point, curve.domain));
                } catch (IllegalArgumentException offCurve) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static Curve curve(String name) {
        X9ECParameters x9 = CustomNamedCurves.getByName(name);
        ECDomainParameters domain = new ECDomainParameters(x9.getCurve(), x9.getG(), x9.getN(), x9.getH());
        return new Curve(domain, x9.getCurve().getField().getCharacteristic(), x9.getCurve().getA().toBigInteger(),
                x9.getCurve().getB().toBigInteger(), x9.getG().getAffineXCoord().toBigInteger(),
                x9.getG().getAffineYCoord().toBigInteger(), x9.getN(), x9.getH().intValueExact());
    }

    private record Curve(ECDomainParameters domain, BigInteger p, BigInteger a, BigInteger b, BigInteger gx,
                         BigInteger gy, BigInteger n, int h) {
        boolean matches(ECParameterSpec spec) {
            return spec.getCurve().getField() instanceof ECFieldFp field
                    && field.getP().equals(p)
                    && spec.getCurve().getA().equals(a)
                    && spec.getCurve().getB().equals(b)
                    && spec.getGenerator().getAffineX().equals(gx)
                    && spec.getGenerator().getAffineY().equals(gy)
                    && spec.getOrder().equals(n)
                    && spec.getCofactor() == h;
        }
    }
}
