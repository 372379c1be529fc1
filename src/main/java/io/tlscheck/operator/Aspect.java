package io.tlscheck.operator;

import java.util.List;

/**
 * The aspects a TlsCheck reports as conditions besides Ready, each owning the findings whose
 * ids start with one of its prefixes. Polarity is positive (True is good), as kstatus expects.
 */
enum Aspect {
    HANDSHAKE("Handshake", "HandshakeSucceeded", "the TLS handshake completed",
            List.of("connect.", "handshake.", "starttls.", "protocol.no-common", "target.", "client.", "probe.")),
    TRUSTED("Trusted", "ChainTrusted", "the chain leads to a trusted root", List.of("chain.")),
    HOSTNAME("HostnameMatches", "HostnameMatches", "the certificate covers the server name",
            List.of("hostname.", "names.")),
    VALID("Valid", "WithinValidity", "every certificate is within its validity", List.of("validity.")),
    POLICY("PolicyCompliant", "PolicyCompliant", "keys, signatures, protocol and ciphers meet the policy",
            List.of("key.", "signature.", "protocol.", "cipher.", "eku.", "basic-constraints.", "ocsp.", "pin.",
                    "issuer.")),
    NOT_REVOKED("NotRevoked", "NotRevoked", "no certificate is revoked", List.of("revocation.")),
    SECRET_MATCHES("SecretMatches", "ServedCertificateMatchesSecret",
            "the served certificate is the one in the Secret", List.of("secret."));

    private final String type;
    private final String okReason;
    private final String okMessage;
    private final List<String> prefixes;

    Aspect(String type, String okReason, String okMessage, List<String> prefixes) {
        this.type = type;
        this.okReason = okReason;
        this.okMessage = okMessage;
        this.prefixes = prefixes;
    }

    String type() {
        return type;
    }

    String okReason() {
        return okReason;
    }

    String okMessage() {
        return okMessage;
    }

    /** The aspect a finding belongs to; exact prefixes win ({@code protocol.no-common} is a handshake matter). */
    static Aspect of(String findingId) {
        Aspect best = POLICY;
        int longest = -1;
        for (Aspect aspect : values()) {
            for (String prefix : aspect.prefixes) {
                if (findingId.startsWith(prefix) && prefix.length() > longest) {
                    best = aspect;
                    longest = prefix.length();
                }
            }
        }
        return best;
    }
}
