package io.tlscheck.operator;

import io.tlscheck.engine.CheckRequest;

/** One endpoint of a TlsCheck and the complete engine request that checks it. */
public record PlannedCheck(PlannedEndpoint endpoint, CheckRequest request) {
}
