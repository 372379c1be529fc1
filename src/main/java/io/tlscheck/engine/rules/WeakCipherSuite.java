package io.tlscheck.engine.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.tlscheck.engine.Finding;
import io.tlscheck.engine.PolicyProfile;
import io.tlscheck.engine.Severity;

/**
 * Mozilla's server-side TLS profiles name the suites (and, for modern, the versions) a server
 * should offer: forward secrecy and AEAD for intermediate. Anything else is a Warning, since
 * clients still connect. Versions and their suites below the minimum protocol are left to the
 * protocol rules, which already fail them.
 */
final class WeakCipherSuite implements Rule {
    private static final int SHOWN = 5;
    private static final RuleInfo INFO = new RuleInfo("cipher.not-recommended", Severity.WARNING, "WeakCipherSuite",
            "The server uses protocol versions or cipher suites its Mozilla profile does not recommend",
            "Mozilla Server Side TLS v5.7 (wiki.mozilla.org/Security/Server_Side_TLS)",
            "Configure the server with the profile's protocols and suites (ssl-config.mozilla.org "
                    + "writes the configuration), or hold the endpoint to another profile.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Optional<Finding> evaluate(CheckContext context) {
        PolicyProfile profile = context.want().profile();
        List<String> versions = ProtocolsSeen.versions(context).stream()
                .filter(v -> !ProtocolsSeen.belowMinimum(context, v) && !profile.allowsProtocol(v))
                .toList();
        List<String> suites = suitesSeen(context).stream().filter(s -> !profile.allowsCipherSuite(s)).toList();
        if (versions.isEmpty() && suites.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        if (!versions.isEmpty()) {
            parts.add(ProtocolsSeen.names(versions));
        }
        if (!suites.isEmpty()) {
            parts.add((suites.size() == 1 ? "cipher suite " : "cipher suites ") + Wording.list(suites, SHOWN));
        }
        return Optional.of(finding("%s, outside the Mozilla %s profile",
                ProtocolsSeen.endpointDid(context, String.join(" and ", parts)), profile.displayName()));
    }

    /** The negotiated suite, then every enumerated one, of versions at or above the minimum. */
    private static Set<String> suitesSeen(CheckContext context) {
        Set<String> suites = new LinkedHashSet<>();
        String negotiated = context.seen().cipherSuite();
        if (negotiated != null && !ProtocolsSeen.belowMinimum(context, context.seen().protocol())) {
            suites.add(negotiated);
        }
        if (context.enumeration() != null) {
            for (Map.Entry<String, List<String>> accepted : context.enumeration().cipherSuitesByProtocol().entrySet()) {
                if (!ProtocolsSeen.belowMinimum(context, accepted.getKey())) {
                    suites.addAll(accepted.getValue());
                }
            }
        }
        return suites;
    }
}
