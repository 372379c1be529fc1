package io.tlscheck.engine.rules;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.tlscheck.engine.Certificates;
import io.tlscheck.engine.Finding;
import io.tlscheck.engine.Severity;
import io.tlscheck.engine.chain.ChainOutcome;

/**
 * RFC 5246 §7.4.2 requires each certificate to be followed by its issuer; RFC 8446 §4.4.2
 * relaxes that for TLS 1.3 clients, but older and stricter clients still fail on a shuffled
 * chain. Only judged when a path to a root was found: a gap has its own rule.
 */
final class ChainOutOfOrder implements Rule {
    private static final RuleInfo INFO = new RuleInfo("chain.order", Severity.WARNING, "ChainOutOfOrder",
            "The server sends its chain out of issuing order",
            "RFC 5246 §7.4.2; RFC 8446 §4.4.2",
            "Order the server's certificate file as: its certificate, then each issuer in turn up to the root.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Optional<Finding> evaluate(CheckContext context) {
        var path = context.path();
        boolean pathFound = path.outcome() == ChainOutcome.TRUSTED || path.outcome() == ChainOutcome.UNTRUSTED_ROOT;
        if (!pathFound || path.servedInOrder()) {
            return Optional.empty();
        }
        List<X509Certificate> served = context.seen().servedChain();
        List<X509Certificate> expected = new ArrayList<>(path.certificates());
        // A served anchor is not on the path, but its place in the expected order is still last.
        if (path.anchor() != null && served.contains(path.anchor()) && !expected.contains(path.anchor())) {
            expected.add(path.anchor());
        }
        return Optional.of(finding("chain for %s was served as %s; issuing order is %s",
                Certificates.shortName(context.leaf()), names(served), names(expected)));
    }

    private static String names(List<X509Certificate> certificates) {
        return String.join(", ", certificates.stream().map(Certificates::shortName).toList());
    }
}
