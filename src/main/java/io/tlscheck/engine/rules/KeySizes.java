package io.tlscheck.engine.rules;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Optional;

import io.tlscheck.engine.Certificates;
import io.tlscheck.engine.Finding;

/** What the two key-size rules share: the first certificate on the path with too small a key of one type. */
final class KeySizes {
    private KeySizes() {
    }

    /**
     * The finding for the first non-anchor certificate whose {@code keyType} key has fewer than
     * {@code minBits}. A key of unknown size (0) is not judged: nothing honest can be said of it.
     */
    static Optional<Finding> tooSmall(Rule rule, CheckContext context, String keyType, int minBits) {
        for (X509Certificate cert : PathScope.certificates(context)) {
            PublicKey key = cert.getPublicKey();
            int bits = Certificates.keyBits(key);
            if (Certificates.keyType(key).equals(keyType) && bits > 0 && bits < minBits) {
                return Optional.of(rule.finding("%s has an %s %d-bit key; at least %d bits are required",
                        Wording.certificate(context, cert), keyType, bits, minBits));
            }
        }
        return Optional.empty();
    }
}
