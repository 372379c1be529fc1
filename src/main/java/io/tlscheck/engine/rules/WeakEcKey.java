package io.tlscheck.engine.rules;

import java.util.Optional;

import io.tlscheck.engine.Finding;
import io.tlscheck.engine.Severity;

/**
 * CA/B BR §6.1.5 allows only P-256, P-384 and P-521; curves under 256 bits (secp224r1 and
 * smaller) fall short of 128-bit security. Judged on the leaf and the intermediates.
 */
final class WeakEcKey implements Rule {
    private static final RuleInfo INFO = new RuleInfo("key.ec-too-small", Severity.FAILING, "WeakKey",
            "An EC key on the path is smaller than the minimum (256 bits by default)",
            "CA/B BR §6.1.5; NIST SP 800-57 Part 1 Rev. 5 §5.6.1",
            "Reissue the certificate with an ECDSA key on P-256 or P-384.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Optional<Finding> evaluate(CheckContext context) {
        return KeySizes.tooSmall(this, context, "EC", context.want().minEcBits());
    }
}
