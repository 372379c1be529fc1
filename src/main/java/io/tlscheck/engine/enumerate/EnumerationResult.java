package io.tlscheck.engine.enumerate;

import java.util.List;
import java.util.Map;

/**
 * What the server accepts, found by offering one protocol version at a time and, per version,
 * removing each chosen cipher suite until the server refuses the rest.
 *
 * @param cipherSuitesByProtocol accepted versions, oldest first, each with its suites in the
 *                               server's order of preference
 * @param complete               false when the time budget ran out before every version was tried
 */
public record EnumerationResult(Map<String, List<String>> cipherSuitesByProtocol, boolean complete) {
    public EnumerationResult {
        cipherSuitesByProtocol = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(cipherSuitesByProtocol));
    }

    public List<String> acceptedProtocols() {
        return List.copyOf(cipherSuitesByProtocol.keySet());
    }
}
