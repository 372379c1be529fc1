package io.tlscheck.engine.rules;

import java.util.List;
import java.util.Optional;

import io.tlscheck.engine.Finding;
import io.tlscheck.engine.Severity;
import io.tlscheck.engine.TlsVersions;

/**
 * A user may hold an endpoint to more than the RFC 8996 floor (TLS 1.3 only, say). Legacy
 * versions below the minimum are left to {@code protocol.legacy}, so in practice this reports
 * TLS 1.2 where TLS 1.3 is required.
 */
final class ProtocolBelowMinimum implements Rule {
    private static final RuleInfo INFO = new RuleInfo("protocol.below-minimum", Severity.FAILING,
            "ProtocolBelowMinimum",
            "The server accepts a TLS version below the required minimum",
            "expected minimum protocol (spec.expect); RFC 8446",
            "Disable the older TLS versions on the server, or lower the expected minimum protocol.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Optional<Finding> evaluate(CheckContext context) {
        List<String> below = ProtocolsSeen.belowMinimum(context, false);
        if (below.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(finding("%s, below the required minimum %s", ProtocolsSeen.endpointDid(context,
                ProtocolsSeen.names(below)), TlsVersions.displayName(context.want().minProtocol())));
    }
}
