package io.tlscheck.plan;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.tlscheck.api.v1alpha1.Expect;
import io.tlscheck.api.v1alpha1.SpecValidator;
import io.tlscheck.api.v1alpha1.TlsCheckSpec;
import io.tlscheck.engine.ClientCredentials;
import io.tlscheck.engine.Durations;
import io.tlscheck.engine.Expectations;
import io.tlscheck.engine.PolicyProfile;
import io.tlscheck.engine.ProbeOptions;
import io.tlscheck.engine.RevocationMode;
import io.tlscheck.engine.StartTls;
import io.tlscheck.engine.TlsVersions;
import io.tlscheck.engine.TrustAnchors;

/**
 * Turns a (validated) TlsCheck spec into the engine's terms. Kubernetes references (CA
 * bundles, client certificate Secrets) arrive already resolved, so this class does no I/O and
 * serves the operator, the sidecar and the CLI alike.
 */
public final class SpecTranslator {
    /** The port of a host target that names none. */
    private static final int DEFAULT_PORT = 443;

    private SpecTranslator() {
    }

    public static ProbeOptions probeOptions(TlsCheckSpec spec, ClientCredentials client) {
        return new ProbeOptions(timeout(spec),
                spec.getStarttls() == null ? null : StartTls.parse(spec.getStarttls()),
                spec.getAlpn(), List.of(), List.of(), client);
    }

    public static Duration timeout(TlsCheckSpec spec) {
        return spec.getTimeout() == null ? SpecValidator.DEFAULT_TIMEOUT : Durations.parse(spec.getTimeout());
    }

    /** A host target's port: 443 unless the spec says otherwise. */
    public static int port(TlsCheckSpec spec) {
        return spec.getPort() == null ? DEFAULT_PORT : spec.getPort();
    }

    public static Duration interval(TlsCheckSpec spec) {
        return interval(spec, SpecValidator.DEFAULT_INTERVAL);
    }

    /**
     * The spec's interval, or {@code fallback} when it has none. Admission only guarantees
     * that the timeout is shorter than the built-in default interval, so a shorter fallback
     * chosen by the cluster admin is stretched to twice the check's timeout: checks of one
     * TlsCheck never overlap.
     */
    public static Duration interval(TlsCheckSpec spec, Duration fallback) {
        if (spec.getInterval() != null) {
            return Durations.parse(spec.getInterval());
        }
        Duration floor = timeout(spec).multipliedBy(2);
        return fallback.compareTo(floor) < 0 ? floor : fallback;
    }

    public static Expectations expectations(Expect expect) {
        Expectations e = Expectations.DEFAULTS;
        if (expect == null) {
            return e;
        }
        e = e.withExpiryWindows(
                expect.getExpiryWarning() == null ? e.expiryWarning() : Durations.parse(expect.getExpiryWarning()),
                expect.getExpiryCritical() == null ? e.expiryCritical() : Durations.parse(expect.getExpiryCritical()));
        if (expect.getMinProtocol() != null) {
            e = e.withMinProtocol(TlsVersions.parse(expect.getMinProtocol()));
        }
        if (expect.getProfile() != null) {
            e = e.withProfile(PolicyProfile.parse(expect.getProfile()));
        }
        e = e.withKeySizes(expect.getMinRsaBits() == null ? e.minRsaBits() : expect.getMinRsaBits(),
                expect.getMinEcBits() == null ? e.minEcBits() : expect.getMinEcBits());
        if (expect.getForbiddenSignatureAlgorithms() != null) {
            e = e.withForbiddenSignatureHashes(normalizeHashes(expect.getForbiddenSignatureAlgorithms()));
        }
        if (Boolean.TRUE.equals(expect.getOcspStapling())) {
            e = e.withRequireOcspStaple(true);
        }
        if (expect.getRevocation() != null) {
            e = e.withRevocation(RevocationMode.parse(expect.getRevocation()));
        }
        if (expect.getIssuers() != null) {
            e = e.withExpectedIssuers(expect.getIssuers());
        }
        if (expect.getSubjectAltNames() != null) {
            e = e.withExpectedNames(expect.getSubjectAltNames());
        }
        if (expect.getSpkiPins() != null) {
            e = e.withSpkiPins(expect.getSpkiPins());
        }
        return e;
    }

    /** System roots unless turned off, plus the resolved CA bundle. */
    public static TrustAnchors trust(TlsCheckSpec spec, List<X509Certificate> caBundle) {
        boolean systemRoots = spec.getTrust() == null || !Boolean.FALSE.equals(spec.getTrust().getSystemRoots());
        return TrustAnchors.of(systemRoots, caBundle);
    }

    /** {@code SHA-1}, {@code sha1} and {@code SHA1} all mean the same digest. */
    static Set<String> normalizeHashes(List<String> names) {
        return names.stream().map(n -> n.toUpperCase(Locale.ROOT).replace("-", "")).collect(Collectors.toSet());
    }
}
