package io.tlscheck.cli.check;

import java.time.Duration;
import java.time.Instant;

import io.tlscheck.engine.Durations;
import io.tlscheck.engine.Report;
import io.tlscheck.engine.TlsVersions;
import io.tlscheck.engine.Verdict;
import io.tlscheck.manifest.ManifestEntry;

/**
 * What became of one manifest: checked (with its report), skipped (needs a cluster), invalid
 * (with its errors), or only found valid ({@code --dry-run}).
 */
public record CheckOutcome(ManifestEntry entry, Kind kind, String target, Report report, String note,
                           Duration elapsed) {

    /** How far a manifest got. */
    public enum Kind {
        CHECKED, SKIPPED, INVALID, VALID
    }

    public static CheckOutcome checked(ManifestEntry entry, String target, Report report, Duration elapsed) {
        return new CheckOutcome(entry, Kind.CHECKED, target, report, null, elapsed);
    }

    public static CheckOutcome skipped(ManifestEntry entry, String target, String why) {
        return new CheckOutcome(entry, Kind.SKIPPED, target, null, why, Duration.ZERO);
    }

    /** A valid manifest that {@code --dry-run} did not run. */
    public static CheckOutcome valid(ManifestEntry entry, String target) {
        return new CheckOutcome(entry, Kind.VALID, target, null, "valid; not run (--dry-run)", Duration.ZERO);
    }

    public static CheckOutcome invalid(ManifestEntry entry) {
        return new CheckOutcome(entry, Kind.INVALID, "", null, String.join("; ", entry.errors()), Duration.ZERO);
    }

    public String name() {
        return entry.name() == null ? "(unnamed)" : entry.name();
    }

    public String namespace() {
        if (entry.check() == null || entry.check().getMetadata().getNamespace() == null) {
            return "";
        }
        return entry.check().getMetadata().getNamespace();
    }

    /** Healthy, Warning, Failing, Unknown, Skipped, Invalid or Valid. */
    public String verdictName() {
        return switch (kind) {
            case CHECKED -> report.verdict().displayName();
            case SKIPPED -> "Skipped";
            case INVALID -> "Invalid";
            case VALID -> "Valid";
        };
    }

    /** What this outcome contributes to the exit code: invalid manifests fail the run. */
    public Verdict effectiveVerdict() {
        return switch (kind) {
            case CHECKED -> report.verdict();
            case SKIPPED, VALID -> Verdict.HEALTHY;
            case INVALID -> Verdict.FAILING;
        };
    }

    public String ready() {
        return kind == Kind.CHECKED ? (report.verdict() == Verdict.HEALTHY || report.verdict() == Verdict.WARNING
                ? "True" : "False") : kind == Kind.INVALID ? "False" : "-";
    }

    public String reason() {
        return switch (kind) {
            case CHECKED -> report.reason();
            case SKIPPED -> "NeedsCluster";
            case INVALID -> "InvalidSpec";
            case VALID -> "ValidSpec";
        };
    }

    public String message() {
        return kind == Kind.CHECKED ? report.message() : note;
    }

    public String protocol() {
        return kind == Kind.CHECKED && report.observation().protocol() != null
                ? TlsVersions.displayName(report.observation().protocol()) : "";
    }

    /** Time left on the served leaf, such as {@code 29d}; empty when none was seen. */
    public String expiresIn(Instant now) {
        if (kind != Kind.CHECKED || report.observation().leaf() == null) {
            return "";
        }
        return Durations.format(Duration.between(now, report.observation().leaf().getNotAfter().toInstant()));
    }
}
