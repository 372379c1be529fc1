package io.tlscheck.engine.rules;

import java.util.Objects;

import io.tlscheck.engine.Severity;

/**
 * What a rule checks and why.
 *
 * @param id          stable id, such as {@code hostname.mismatch}: users filter and alert on it
 * @param severity    the severity of its findings
 * @param reason      CamelCase reason for status conditions and events
 * @param description one line: what the rule checks
 * @param reference   where the requirement comes from (RFC 5280 §6.1, RFC 6125 §6.4, CA/B BR 7.1, ...)
 * @param remedy      what to do when it fires
 */
public record RuleInfo(String id, Severity severity, String reason, String description, String reference,
                       String remedy) {
    public RuleInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(remedy, "remedy");
    }
}
