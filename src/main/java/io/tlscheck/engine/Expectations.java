package io.tlscheck.engine;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the endpoint is held to: the validation policy, separate from how it is reached.
 *
 * @param expiryWarning               a certificate expiring within this is a Warning
 * @param expiryCritical              ... within this, Failing (never longer than the warning window)
 * @param minProtocol                 lowest acceptable TLS version (JDK name, e.g. {@code TLSv1.2})
 * @param profile                     Mozilla profile the cipher suites are held to
 * @param minRsaBits                  smallest acceptable RSA modulus
 * @param minEcBits                   smallest acceptable EC field size
 * @param forbiddenSignatureHashes    digest names ({@code SHA1}, {@code MD5}) forbidden in signatures
 *                                    of every certificate but the trust anchor
 * @param requireOcspStaple           a missing stapled OCSP response is Failing
 * @param revocation                  how to check revocation
 * @param expectedIssuers             when non-empty, the leaf's issuer must contain one of these
 *                                    (a DN or a substring of it, such as {@code O=Let's Encrypt})
 * @param expectedNames               when non-empty, the leaf must cover all of these names too
 * @param spkiPins                    when non-empty, some certificate in the chain must have one of
 *                                    these SHA-256 SPKI pins (base64, as in HPKP)
 * @param expectedLeaf                when set, the served leaf must be this certificate (from a
 *                                    Kubernetes Secret, say); {@code null} otherwise
 */
public record Expectations(Duration expiryWarning, Duration expiryCritical, String minProtocol, PolicyProfile profile,
                           int minRsaBits, int minEcBits, Set<String> forbiddenSignatureHashes,
                           boolean requireOcspStaple, RevocationMode revocation, List<String> expectedIssuers,
                           List<String> expectedNames, List<String> spkiPins, ExpectedLeaf expectedLeaf) {

    public static final Expectations DEFAULTS = new Expectations(Duration.ofDays(30), Duration.ofDays(7), "TLSv1.2",
            PolicyProfile.INTERMEDIATE, 2048, 256, Set.of("SHA1", "MD5"), false, RevocationMode.NONE,
            List.of(), List.of(), List.of(), null);

    public Expectations {
        Objects.requireNonNull(expiryWarning, "expiryWarning");
        Objects.requireNonNull(expiryCritical, "expiryCritical");
        Objects.requireNonNull(minProtocol, "minProtocol");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(revocation, "revocation");
        if (expiryCritical.compareTo(expiryWarning) > 0) {
            throw new IllegalArgumentException("the critical expiry window (" + Durations.format(expiryCritical)
                    + ") must not be longer than the warning window (" + Durations.format(expiryWarning) + ")");
        }
        if (TlsVersions.rank(minProtocol) < 0) {
            throw new IllegalArgumentException("unknown minimum protocol '" + minProtocol
                    + "' (expected TLSv1, TLSv1.1, TLSv1.2 or TLSv1.3)");
        }
        forbiddenSignatureHashes = Set.copyOf(forbiddenSignatureHashes == null ? Set.of() : forbiddenSignatureHashes);
        expectedIssuers = List.copyOf(expectedIssuers == null ? List.of() : expectedIssuers);
        expectedNames = List.copyOf(expectedNames == null ? List.of() : expectedNames);
        spkiPins = List.copyOf(spkiPins == null ? List.of() : spkiPins);
    }

    public Expectations withExpiryWindows(Duration warning, Duration critical) {
        return new Expectations(warning, critical, minProtocol, profile, minRsaBits, minEcBits,
                forbiddenSignatureHashes, requireOcspStaple, revocation, expectedIssuers, expectedNames, spkiPins, expectedLeaf);
    }

    public Expectations withMinProtocol(String value) {
        return new Expectations(expiryWarning, expiryCritical, value, profile, minRsaBits, minEcBits,
                forbiddenSignatureHashes, requireOcspStaple, revocation, expectedIssuers, expectedNames, spkiPins, expectedLeaf);
    }

    public Expectations withProfile(PolicyProfile value) {
        return new Expectations(expiryWarning, expiryCritical, minProtocol, value, minRsaBits, minEcBits,
                forbiddenSignatureHashes, requireOcspStaple, revocation, expectedIssuers, expectedNames, spkiPins, expectedLeaf);
    }

    public Expectations withKeySizes(int rsaBits, int ecBits) {
        return new Expectations(expiryWarning, expiryCritical, minProtocol, profile, rsaBits, ecBits,
                forbiddenSignatureHashes, requireOcspStaple, revocation, expectedIssuers, expectedNames, spkiPins, expectedLeaf);
    }

    public Expectations withForbiddenSignatureHashes(Set<String> value) {
        return new Expectations(expiryWarning, expiryCritical, minProtocol, profile, minRsaBits, minEcBits,
                value, requireOcspStaple, revocation, expectedIssuers, expectedNames, spkiPins, expectedLeaf);
    }

    public Expectations withRequireOcspStaple(boolean value) {
        return new Expectations(expiryWarning, expiryCritical, minProtocol, profile, minRsaBits, minEcBits,
                forbiddenSignatureHashes, value, revocation, expectedIssuers, expectedNames, spkiPins, expectedLeaf);
    }

    public Expectations withRevocation(RevocationMode value) {
        return new Expectations(expiryWarning, expiryCritical, minProtocol, profile, minRsaBits, minEcBits,
                forbiddenSignatureHashes, requireOcspStaple, value, expectedIssuers, expectedNames, spkiPins, expectedLeaf);
    }

    public Expectations withExpectedIssuers(List<String> value) {
        return new Expectations(expiryWarning, expiryCritical, minProtocol, profile, minRsaBits, minEcBits,
                forbiddenSignatureHashes, requireOcspStaple, revocation, value, expectedNames, spkiPins, expectedLeaf);
    }

    public Expectations withExpectedNames(List<String> value) {
        return new Expectations(expiryWarning, expiryCritical, minProtocol, profile, minRsaBits, minEcBits,
                forbiddenSignatureHashes, requireOcspStaple, revocation, expectedIssuers, value, spkiPins, expectedLeaf);
    }

    public Expectations withSpkiPins(List<String> value) {
        return new Expectations(expiryWarning, expiryCritical, minProtocol, profile, minRsaBits, minEcBits,
                forbiddenSignatureHashes, requireOcspStaple, revocation, expectedIssuers, expectedNames, value, expectedLeaf);
    }

    public Expectations withExpectedLeaf(ExpectedLeaf value) {
        return new Expectations(expiryWarning, expiryCritical, minProtocol, profile, minRsaBits, minEcBits,
                forbiddenSignatureHashes, requireOcspStaple, revocation, expectedIssuers, expectedNames, spkiPins, value);
    }
}
