package io.tlscheck.engine.rules;

import java.util.Optional;

import io.tlscheck.engine.Finding;

/**
 * One validation rule: a pure function of what was observed and what is expected. A rule does
 * no I/O (revocation and enumeration results arrive in the context), so rules are cheap enough
 * to run on every check and simple to test.
 */
public interface Rule {
    RuleInfo info();

    /** The finding when the rule fires, empty when the endpoint passes or the rule does not apply. */
    Optional<Finding> evaluate(CheckContext context);

    /** A finding with this rule's id, severity, reason and remedy. */
    default Finding finding(String message) {
        RuleInfo info = info();
        return new Finding(info.id(), info.severity(), info.reason(), message, info.remedy());
    }

    /** Same, with a format string. */
    default Finding finding(String format, Object... args) {
        return finding(String.format(java.util.Locale.ROOT, format, args));
    }
}
