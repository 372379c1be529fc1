package io.tlscheck.engine.rules;

import java.util.List;

import io.tlscheck.engine.TlsVersions;
import io.tlscheck.engine.enumerate.EnumerationResult;

/**
 * The protocol versions a check saw: the negotiated one and, with enumeration, every accepted
 * one. The protocol rules split them so that each version is reported once: below the
 * minimum and legacy goes to {@code protocol.legacy}, below the minimum otherwise to
 * {@code protocol.below-minimum}, and at or above the minimum but outside the Mozilla profile
 * to {@code cipher.not-recommended}. A minimum a user lowered on purpose (TLSv1 for an old
 * appliance) is thereby respected.
 */
final class ProtocolsSeen {
    private ProtocolsSeen() {
    }

    /** Known versions seen, oldest first. */
    static List<String> versions(CheckContext context) {
        String negotiated = context.seen().protocol();
        EnumerationResult enumeration = context.enumeration();
        return TlsVersions.ALL.stream()
                .filter(v -> v.equals(negotiated)
                        || enumeration != null && enumeration.cipherSuitesByProtocol().containsKey(v))
                .toList();
    }

    /** Versions seen below the minimum that are legacy ones (SSL 3.0 to TLS 1.1), or the others. */
    static List<String> belowMinimum(CheckContext context, boolean legacy) {
        return versions(context).stream()
                .filter(v -> belowMinimum(context, v) && TlsVersions.isLegacy(v) == legacy)
                .toList();
    }

    static boolean belowMinimum(CheckContext context, String version) {
        int rank = TlsVersions.rank(version);
        return rank >= 0 && rank < TlsVersions.rank(context.want().minProtocol());
    }

    /** {@code TLS 1.0, TLS 1.1} */
    static String names(List<String> versions) {
        return String.join(", ", versions.stream().map(TlsVersions::displayName).toList());
    }

    /**
     * {@code 127.0.0.1:443 (valid.test) negotiated ...}, or {@code accepts ...} when enumeration
     * ran: then the finding may be about a version the handshake itself did not use.
     */
    static String endpointDid(CheckContext context, String what) {
        return context.seen().endpoint() + (context.enumeration() == null ? " negotiated " : " accepts ") + what;
    }
}
