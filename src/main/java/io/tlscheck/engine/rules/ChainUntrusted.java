package io.tlscheck.engine.rules;

import java.util.Optional;

import io.tlscheck.engine.Certificates;
import io.tlscheck.engine.Finding;
import io.tlscheck.engine.Severity;
import io.tlscheck.engine.chain.ChainOutcome;

/**
 * RFC 5280 §6.1: the path must end at a trust anchor. Fires when it ends at a self-signed root
 * that is not one; a self-signed leaf and a missing intermediate have rules of their own.
 */
final class ChainUntrusted implements Rule {
    private static final RuleInfo INFO = new RuleInfo("chain.untrusted", Severity.FAILING, "UntrustedChain",
            "The chain ends at a root that is not trusted",
            "RFC 5280 §6.1",
            "Use a certificate from a trusted CA, or add this root to the trusted CA bundle (--ca-file, spec.trust.caBundle).");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Optional<Finding> evaluate(CheckContext context) {
        if (context.path().outcome() != ChainOutcome.UNTRUSTED_ROOT) {
            return Optional.empty();
        }
        return Optional.of(finding("chain for %s ends at root \"%s\", which is not a trusted anchor",
                Certificates.shortName(context.leaf()), context.path().top().getSubjectX500Principal().getName()));
    }
}
