package io.tlscheck.engine.rules;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

import io.tlscheck.engine.Certificates;
import io.tlscheck.engine.Finding;
import io.tlscheck.engine.Severity;

/**
 * RFC 5246 §7.4.2 and RFC 8446 §4.4.2: the server sends its certificate and the ones that
 * certify it. Anything else costs bytes in every handshake and often means a stale or wrong
 * intermediate was left in the file. The trust anchor itself is allowed (RFC 8446 "MAY").
 */
final class ExtraCertificates implements Rule {
    private static final int SHOWN = 5;
    private static final RuleInfo INFO = new RuleInfo("chain.extra-certificates", Severity.WARNING,
            "ExtraCertificates",
            "The server sends certificates that are not on the path to the trust anchor",
            "RFC 5246 §7.4.2; RFC 8446 §4.4.2",
            "Remove the unrelated certificates from the server's certificate file; "
                    + "send only its certificate and the intermediates that issued it.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Optional<Finding> evaluate(CheckContext context) {
        List<X509Certificate> unused = context.path().unused();
        if (unused.isEmpty() || context.leaf() == null) {
            return Optional.empty();
        }
        List<String> names = unused.stream().map(c -> "\"" + Certificates.shortName(c) + "\"").toList();
        return Optional.of(finding("chain for %s includes %d certificate%s not on its path: %s",
                Certificates.shortName(context.leaf()), unused.size(), unused.size() == 1 ? "" : "s",
                Wording.list(names, SHOWN)));
    }
}
