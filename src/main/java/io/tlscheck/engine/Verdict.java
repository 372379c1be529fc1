package io.tlscheck.engine;

/**
 * The overall result of one check. Ordered by how much attention it needs; {@link #UNKNOWN}
 * (the certificate could not be observed at all) ranks between WARNING and FAILING.
 */
public enum Verdict {
    HEALTHY("Healthy", 0),
    WARNING("Warning", 1),
    UNKNOWN("Unknown", 2),
    FAILING("Failing", 2);

    private final String displayName;
    private final int exitCode;

    Verdict(String displayName, int exitCode) {
        this.displayName = displayName;
        this.exitCode = exitCode;
    }

    /** The spelling used in status, tables and JSON: {@code Healthy}, {@code Failing}, ... */
    public String displayName() {
        return displayName;
    }

    /** CLI exit code: 0 Healthy, 1 Warning, 2 Failing or Unknown. */
    public int exitCode() {
        return exitCode;
    }

    public static Verdict of(Severity severity) {
        return severity == Severity.FAILING ? FAILING : WARNING;
    }

    public Verdict worse(Verdict other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
