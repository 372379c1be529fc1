package io.tlscheck.engine.rules;

import java.util.Optional;

import io.tlscheck.engine.Certificates;
import io.tlscheck.engine.Finding;
import io.tlscheck.engine.Severity;
import io.tlscheck.engine.chain.ChainOutcome;

/**
 * RFC 5280 §6.1: a self-signed server certificate is trusted only when it is itself a trust
 * anchor (then the chain builder reports it trusted and this rule stays silent).
 */
final class SelfSignedCertificate implements Rule {
    private static final RuleInfo INFO = new RuleInfo("chain.self-signed", Severity.FAILING, "SelfSignedCertificate",
            "The server's certificate is self-signed and not trusted",
            "RFC 5280 §6.1",
            "Use a certificate issued by a trusted CA, or trust this very certificate "
                    + "(--ca-file, spec.trust.caBundle) if it is meant to be pinned.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Optional<Finding> evaluate(CheckContext context) {
        if (context.path().outcome() != ChainOutcome.SELF_SIGNED_LEAF) {
            return Optional.empty();
        }
        return Optional.of(finding("certificate for %s is self-signed and not a trusted anchor",
                Certificates.shortName(context.leaf())));
    }
}
