package io.tlscheck.engine.rules;

import java.util.Optional;

import io.tlscheck.engine.Finding;
import io.tlscheck.engine.Severity;

/**
 * CA/B BR §6.1.5 and NIST SP 800-131A: RSA moduli under 2048 bits are within reach of
 * factoring and no longer issued. Judged on the leaf and the intermediates; the anchor's key
 * is the trust store's business.
 */
final class WeakRsaKey implements Rule {
    private static final RuleInfo INFO = new RuleInfo("key.rsa-too-small", Severity.FAILING, "WeakKey",
            "An RSA key on the path is smaller than the minimum (2048 bits by default)",
            "CA/B BR §6.1.5; NIST SP 800-131A Rev. 2",
            "Reissue the certificate with an RSA key of at least the required size, or an ECDSA P-256 key.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Optional<Finding> evaluate(CheckContext context) {
        return KeySizes.tooSmall(this, context, "RSA", context.want().minRsaBits());
    }
}
