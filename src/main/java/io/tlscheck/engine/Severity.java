package io.tlscheck.engine;

/** How bad a finding is. Ordered from least to most severe. */
public enum Severity {
    /** Worth fixing; clients still connect. */
    WARNING,
    /** Clients fail now or soon, or the endpoint breaks a policy that was asked for. */
    FAILING
}
