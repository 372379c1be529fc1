package io.tlscheck.engine.rules;

import java.util.List;
import java.util.Optional;

import io.tlscheck.engine.Finding;
import io.tlscheck.engine.Severity;

/**
 * RFC 8996 deprecates TLS 1.0 and 1.1, RFC 7568 SSL 3.0: a server that still speaks them,
 * even when a modern client negotiates better, lets a downgraded or old client in. Silent for
 * versions a user explicitly allowed by lowering the minimum protocol.
 */
final class LegacyProtocol implements Rule {
    private static final RuleInfo INFO = new RuleInfo("protocol.legacy", Severity.FAILING, "LegacyProtocol",
            "The server speaks SSL 3.0, TLS 1.0 or TLS 1.1",
            "RFC 8996; RFC 7568",
            "Disable SSL 3.0, TLS 1.0 and TLS 1.1 on the server (nginx: ssl_protocols TLSv1.2 TLSv1.3;), "
                    + "or lower the expected minimum protocol if an old client truly needs them.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Optional<Finding> evaluate(CheckContext context) {
        List<String> legacy = ProtocolsSeen.belowMinimum(context, true);
        if (legacy.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(finding("%s, deprecated by RFC 8996", ProtocolsSeen.endpointDid(context, ProtocolsSeen.names(legacy))));
    }
}
