package io.tlscheck.engine;

import java.util.Locale;

/** Whether and how to ask the CA whether the served certificates were revoked. */
public enum RevocationMode {
    /** Do not check (the default: it costs a request to the CA per check). */
    NONE,
    /** OCSP first, falling back to the CRL when the certificate names no responder or it fails. */
    OCSP,
    /** CRL only. */
    CRL;

    public static RevocationMode parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown revocation mode '" + name + "' (expected none, ocsp or crl)");
        }
    }
}
