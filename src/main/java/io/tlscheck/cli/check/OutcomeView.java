package io.tlscheck.cli.check;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.tlscheck.cli.output.ReportView;

/** One outcome as JSON: where the manifest is, how it was judged, and the full report. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record OutcomeView(String file, int line, String namespace, String name, String target, String status,
                          String verdict, String reason, String message, String expiresIn, String protocol,
                          ReportView report) {

    public static OutcomeView of(CheckOutcome o, Instant now) {
        return new OutcomeView(o.entry().file().toString(), o.entry().line(), o.namespace(), o.name(), o.target(),
                o.kind().name().toLowerCase(java.util.Locale.ROOT), o.verdictName(), o.reason(), o.message(),
                o.expiresIn(now), o.protocol(), o.report() == null ? null : ReportView.of(o.report(), false));
    }
}
