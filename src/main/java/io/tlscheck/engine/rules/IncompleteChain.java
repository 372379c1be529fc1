package io.tlscheck.engine.rules;

import java.security.cert.X509Certificate;
import java.util.Optional;

import io.tlscheck.engine.Certificates;
import io.tlscheck.engine.Finding;
import io.tlscheck.engine.Severity;
import io.tlscheck.engine.chain.ChainOutcome;

/**
 * RFC 8446 §4.4.2 and RFC 5246 §7.4.2: the server sends the intermediates that link its
 * certificate to a trust anchor. Browsers may hide a gap by fetching the issuer (AIA) or from
 * a cache, but most TLS clients fail, so a gap is Failing and told apart from an untrusted root.
 */
final class IncompleteChain implements Rule {
    private static final RuleInfo INFO = new RuleInfo("chain.incomplete", Severity.FAILING, "IncompleteChain",
            "The server does not send an intermediate certificate its chain needs",
            "RFC 8446 §4.4.2; RFC 5246 §7.4.2; RFC 5280 §6.1",
            "Configure the server with the full chain (its certificate followed by the intermediates, "
                    + "such as fullchain.pem), not the certificate alone.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Optional<Finding> evaluate(CheckContext context) {
        if (context.path().outcome() != ChainOutcome.INCOMPLETE) {
            return Optional.empty();
        }
        X509Certificate top = context.path().top();
        return Optional.of(finding("chain for %s is incomplete: the issuer of %s, \"%s\", was not served "
                        + "and is not a trusted anchor",
                Certificates.shortName(context.leaf()),
                top.equals(context.leaf()) ? "the certificate" : "\"" + Certificates.shortName(top) + "\"",
                top.getIssuerX500Principal().getName()));
    }
}
