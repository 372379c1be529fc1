package io.tlscheck.cli;

import java.time.Duration;

import io.tlscheck.engine.Expectations;
import io.tlscheck.engine.PolicyProfile;
import io.tlscheck.engine.RevocationMode;
import io.tlscheck.engine.TlsVersions;
import picocli.CommandLine.Option;

/** What the endpoint is held to, as command-line options. */
public final class ExpectationOptions {
    @Option(names = "--expiry-warning", paramLabel = "DURATION", defaultValue = "30d", converter = DurationConverter.class,
            description = "Warn when a certificate expires within this (default: ${DEFAULT-VALUE}).")
    Duration expiryWarning;

    @Option(names = "--expiry-critical", paramLabel = "DURATION", defaultValue = "7d", converter = DurationConverter.class,
            description = "Fail when a certificate expires within this (default: ${DEFAULT-VALUE}).")
    Duration expiryCritical;

    @Option(names = "--revocation", paramLabel = "MODE", defaultValue = "none",
            description = "Ask the CA about revocation: none, ocsp (with CRL fallback) or crl (default: ${DEFAULT-VALUE}).")
    String revocation;

    @Option(names = "--min-protocol", paramLabel = "VERSION", defaultValue = "1.2",
            description = "Lowest acceptable TLS version: 1.2 or 1.3 (default: ${DEFAULT-VALUE}).")
    String minProtocol;

    @Option(names = "--profile", paramLabel = "NAME", defaultValue = "intermediate",
            description = "Mozilla profile for cipher suites: modern, intermediate or old (default: ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = "--require-ocsp-staple", description = "Fail when the server staples no OCSP response.")
    boolean requireOcspStaple;

    Expectations expectations() {
        try {
            return Expectations.DEFAULTS
                    .withExpiryWindows(expiryWarning, expiryCritical)
                    .withRevocation(RevocationMode.parse(revocation))
                    .withMinProtocol(TlsVersions.parse(minProtocol))
                    .withProfile(PolicyProfile.parse(profile))
                    .withRequireOcspStaple(requireOcspStaple);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
