package io.tlscheck.engine.rules;

import java.util.Optional;

import io.tlscheck.engine.Certificates;
import io.tlscheck.engine.Finding;
import io.tlscheck.engine.Severity;

/**
 * RFC 6066 §8: a server can staple its OCSP response so clients need not ask the CA. Only
 * judged when asked for: many servers do not staple, so it is a requirement a user states
 * (for must-staple certificates, RFC 7633, a missing staple breaks clients), not a default.
 */
final class OcspStapleMissing implements Rule {
    private static final RuleInfo INFO = new RuleInfo("ocsp.staple-missing", Severity.FAILING, "OcspStapleMissing",
            "The server did not staple an OCSP response, and stapling is required",
            "RFC 6066 §8; RFC 6961; RFC 7633",
            "Enable OCSP stapling on the server (nginx: ssl_stapling on; ssl_stapling_verify on;) and make sure "
                    + "it can reach the CA's OCSP responder.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Optional<Finding> evaluate(CheckContext context) {
        if (!context.want().requireOcspStaple() || context.leaf() == null
                || !context.seen().stapledOcspResponses().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(finding("%s stapled no OCSP response for %s", context.seen().endpoint(),
                Certificates.shortName(context.leaf())));
    }
}
