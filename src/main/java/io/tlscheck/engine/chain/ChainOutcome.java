package io.tlscheck.engine.chain;

/** How far a path from the served leaf got towards a trust anchor. */
public enum ChainOutcome {
    /** The path ends at a configured trust anchor. */
    TRUSTED,
    /** The leaf signed itself and is not a trust anchor. */
    SELF_SIGNED_LEAF,
    /** The path ends at a self-signed root that is not a trust anchor. */
    UNTRUSTED_ROOT,
    /** The path stops at a certificate whose issuer was neither served nor an anchor. */
    INCOMPLETE,
    /** The server sent no certificate at all. */
    NO_CERTIFICATE
}
