package io.tlscheck.engine.revocation;

/** What the CA said about one certificate. */
public enum RevocationState {
    GOOD,
    REVOKED,
    /** The responder or CRL could not be reached or did not know the certificate. */
    UNKNOWN
}
