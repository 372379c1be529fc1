package io.tlscheck.operator;

import io.tlscheck.engine.Report;

/** The report of one endpoint, with where it came from. */
public record EndpointResult(PlannedEndpoint endpoint, Report report) {
}
