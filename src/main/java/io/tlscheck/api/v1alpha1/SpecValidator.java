package io.tlscheck.api.v1alpha1;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.tlscheck.engine.Durations;
import io.tlscheck.engine.PolicyProfile;
import io.tlscheck.engine.RevocationMode;
import io.tlscheck.engine.StartTls;

/**
 * The rules a TlsCheck spec must satisfy, in Java, for the CLI and sidecar that have no API
 * server to reject a bad manifest. The CRD carries the same rules as OpenAPI constraints and
 * CEL, so a spec valid here is admitted by the cluster and the other way round.
 */
public final class SpecValidator {
    public static final Duration MIN_INTERVAL = Duration.ofSeconds(10);
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(5);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private SpecValidator() {
    }

    public static List<SpecError> validate(TlsCheck check) {
        List<SpecError> errors = new ArrayList<>();
        if (check.getMetadata() == null || check.getMetadata().getName() == null
                || check.getMetadata().getName().isBlank()) {
            errors.add(new SpecError("/metadata/name", "is required"));
        }
        TlsCheckSpec spec = check.getSpec();
        if (spec == null) {
            errors.add(new SpecError("/spec", "is required"));
            return errors;
        }
        validateTarget(spec, errors);
        validateTiming(spec, errors);
        if (spec.getStarttls() != null) {
            parse("/spec/starttls", () -> StartTls.parse(spec.getStarttls()), errors);
        }
        if (spec.getExpect() != null) {
            validateExpect(spec.getExpect(), errors);
        }
        return errors;
    }

    private static void validateTarget(TlsCheckSpec spec, List<SpecError> errors) {
        int targets = (spec.getHost() != null ? 1 : 0) + (spec.getService() != null ? 1 : 0)
                + (spec.getIngress() != null ? 1 : 0);
        if (targets != 1) {
            errors.add(new SpecError("/spec", "exactly one of host, service or ingress must be set (found "
                    + targets + ")"));
        }
        if (spec.getHost() != null && spec.getHost().isBlank()) {
            errors.add(new SpecError("/spec/host", "must not be empty"));
        }
        if (spec.getPort() != null && (spec.getPort() < 1 || spec.getPort() > 65535)) {
            errors.add(new SpecError("/spec/port", "must be between 1 and 65535 (got " + spec.getPort() + ")"));
        }
        if (spec.getPort() != null && spec.getHost() == null) {
            errors.add(new SpecError("/spec/port", "applies to a host target only; set service.port for a Service"));
        }
        if (spec.getService() != null) {
            if (blank(spec.getService().getName())) {
                errors.add(new SpecError("/spec/service/name", "is required"));
            }
            String mode = spec.getService().getEndpoints();
            if (mode != null && !mode.equals("All") && !mode.equals("Any")) {
                errors.add(new SpecError("/spec/service/endpoints", "must be All or Any (got " + mode + ")"));
            }
        }
        if (spec.getIngress() != null && blank(spec.getIngress().getName())) {
            errors.add(new SpecError("/spec/ingress/name", "is required"));
        }
    }

    private static void validateTiming(TlsCheckSpec spec, List<SpecError> errors) {
        matches("/spec/interval", spec.getInterval(), TlsCheckSpec.GO_DURATION, "a duration such as 30s, 5m or 1h", errors);
        matches("/spec/timeout", spec.getTimeout(), TlsCheckSpec.GO_DURATION, "a duration such as 10s or 1m", errors);
        if (errors.stream().anyMatch(e -> e.path().equals("/spec/interval") || e.path().equals("/spec/timeout"))) {
            return;
        }
        Duration interval = spec.getInterval() == null ? DEFAULT_INTERVAL
                : parse("/spec/interval", () -> Durations.parse(spec.getInterval()), errors);
        Duration timeout = spec.getTimeout() == null ? DEFAULT_TIMEOUT
                : parse("/spec/timeout", () -> Durations.parse(spec.getTimeout()), errors);
        if (interval != null && interval.compareTo(MIN_INTERVAL) < 0) {
            errors.add(new SpecError("/spec/interval", "must be at least 10s (got " + spec.getInterval() + ")"));
        }
        if (timeout != null && (timeout.isZero() || timeout.isNegative())) {
            errors.add(new SpecError("/spec/timeout", "must be positive"));
        } else if (interval != null && timeout != null && timeout.compareTo(interval) >= 0) {
            errors.add(new SpecError("/spec/timeout", "must be shorter than the interval ("
                    + Durations.format(timeout) + " is not shorter than " + Durations.format(interval) + ")"));
        }
    }

    private static void validateExpect(Expect expect, List<SpecError> errors) {
        validateWindows(expect, errors);
        if (expect.getMinProtocol() != null) {
            matches("/spec/expect/minProtocol", expect.getMinProtocol(), Expect.MIN_PROTOCOL, "1.2 or 1.3", errors);
        }
        if (expect.getProfile() != null) {
            parse("/spec/expect/profile", () -> PolicyProfile.parse(expect.getProfile()), errors);
        }
        if (expect.getRevocation() != null) {
            parse("/spec/expect/revocation", () -> RevocationMode.parse(expect.getRevocation()), errors);
        }
        range("/spec/expect/minRsaBits", expect.getMinRsaBits(), 1024, 16384, errors);
        range("/spec/expect/minEcBits", expect.getMinEcBits(), 160, 521, errors);
        if (expect.getMatchSecret() != null && blank(expect.getMatchSecret().getName())) {
            errors.add(new SpecError("/spec/expect/matchSecret/name", "is required"));
        }
    }

    private static void validateWindows(Expect expect, List<SpecError> errors) {
        int before = errors.size();
        matches("/spec/expect/expiryWarning", expect.getExpiryWarning(), Expect.WINDOW,
                "days such as 30d, or hours such as 720h", errors);
        matches("/spec/expect/expiryCritical", expect.getExpiryCritical(), Expect.WINDOW,
                "days such as 7d, or hours such as 168h", errors);
        if (errors.size() > before) {
            return;
        }
        Duration warning = expect.getExpiryWarning() == null ? Duration.ofDays(30)
                : parse("/spec/expect/expiryWarning", () -> Durations.parse(expect.getExpiryWarning()), errors);
        Duration critical = expect.getExpiryCritical() == null ? Duration.ofDays(7)
                : parse("/spec/expect/expiryCritical", () -> Durations.parse(expect.getExpiryCritical()), errors);
        if (warning != null && critical != null && critical.compareTo(warning) > 0) {
            errors.add(new SpecError("/spec/expect/expiryCritical", "must not be longer than expiryWarning ("
                    + Durations.format(critical) + " > " + Durations.format(warning) + ")"));
        }
    }

    /** The CRD's OpenAPI pattern, so the CLI rejects exactly what the API server would. */
    private static void matches(String path, String value, String pattern, String expected, List<SpecError> errors) {
        if (value != null && !java.util.regex.Pattern.matches(pattern, value)) {
            errors.add(new SpecError(path, "must be " + expected + " (got " + value + ")"));
        }
    }

    private static void range(String path, Integer value, int min, int max, List<SpecError> errors) {
        if (value != null && (value < min || value > max)) {
            errors.add(new SpecError(path, "must be between " + min + " and " + max + " (got " + value + ")"));
        }
    }

    private static <T> T parse(String path, java.util.function.Supplier<T> parser, List<SpecError> errors) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            errors.add(new SpecError(path, e.getMessage()));
            return null;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
