package io.tlscheck.engine.revocation;

/** The names RFC 5280 §5.3.1 gives the CRLReason codes, which OCSP reuses. */
final class RevocationReasons {
    private static final String[] NAMES = {"unspecified", "keyCompromise", "cACompromise", "affiliationChanged",
        "superseded", "cessationOfOperation", "certificateHold", null, "removeFromCRL", "privilegeWithdrawn",
        "aACompromise"};

    private RevocationReasons() {
    }

    static String name(int code) {
        return code >= 0 && code < NAMES.length && NAMES[code] != null ? NAMES[code] : "reason code " + code;
    }
}
