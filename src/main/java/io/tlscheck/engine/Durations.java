package io.tlscheck.engine;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as Kubernetes users write them: Go-style {@code 30d}, {@code 12h}, {@code 1h30m},
 * {@code 10s}, {@code 500ms}. Days are accepted because certificate windows are spoken in days.
 */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|d|h|m|s)");

    private Durations() {
    }

    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty duration (expected something like 30d, 12h, 10s)");
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = PART.matcher(t);
        int at = 0;
        long millis = 0;
        while (m.find()) {
            if (m.start() != at) {
                break;
            }
            double amount = Double.parseDouble(m.group(1));
            long unit = switch (m.group(2)) {
                case "d" -> 86_400_000L;
                case "h" -> 3_600_000L;
                case "m" -> 60_000L;
                case "s" -> 1_000L;
                default -> 1L;
            };
            millis += Math.round(amount * unit);
            at = m.end();
        }
        if (at != t.length() || at == 0) {
            throw new IllegalArgumentException("invalid duration '" + text + "' (expected something like 30d, 12h, 1h30m, 10s, 500ms)");
        }
        return Duration.ofMillis(millis);
    }

    /** Short form for tables and status: {@code 29d}, {@code 5h}, {@code 12m}, {@code 40s}. */
    public static String format(Duration d) {
        long seconds = Math.abs(d.getSeconds());
        String sign = d.isNegative() ? "-" : "";
        if (seconds >= 86_400) {
            return sign + seconds / 86_400 + "d";
        }
        if (seconds >= 3_600) {
            return sign + seconds / 3_600 + "h";
        }
        if (seconds >= 60) {
            return sign + seconds / 60 + "m";
        }
        if (seconds == 0 && d.toMillis() != 0) {
            return sign + Math.abs(d.toMillis()) + "ms";
        }
        return sign + seconds + "s";
    }

    /** Words for messages: {@code 10 days}, {@code 1 day}, {@code 5 hours}, {@code 3 minutes}. */
    public static String words(Duration d) {
        long seconds = Math.abs(d.getSeconds());
        if (seconds >= 2 * 86_400) {
            return seconds / 86_400 + " days";
        }
        if (seconds >= 86_400) {
            return "1 day";
        }
        if (seconds >= 2 * 3_600) {
            return seconds / 3_600 + " hours";
        }
        if (seconds >= 3_600) {
            return "1 hour";
        }
        if (seconds >= 120) {
            return seconds / 60 + " minutes";
        }
        return seconds + " seconds";
    }
}
