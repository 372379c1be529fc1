package io.tlscheck.engine.rules;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.tlscheck.engine.Expectations;
import io.tlscheck.engine.Observation;
import io.tlscheck.engine.chain.ChainPath;
import io.tlscheck.engine.enumerate.EnumerationResult;
import io.tlscheck.engine.revocation.RevocationResult;

/**
 * Everything a rule may look at, computed once per check.
 *
 * @param seen        the probe's observation (always a completed handshake when rules run)
 * @param want        the expectations the endpoint is held to
 * @param path        the certification path built from the served chain
 * @param revocation  revocation results for the path, empty when not asked for
 * @param enumeration protocol and suite enumeration, or {@code null} when not asked for
 * @param now         the time the check is judged at
 */
public record CheckContext(Observation seen, Expectations want, ChainPath path, List<RevocationResult> revocation,
                           EnumerationResult enumeration, Instant now) {
    public CheckContext {
        Objects.requireNonNull(seen, "seen");
        Objects.requireNonNull(want, "want");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(now, "now");
        revocation = List.copyOf(revocation == null ? List.of() : revocation);
    }

    /** The served leaf, or {@code null}. */
    public X509Certificate leaf() {
        return seen.leaf();
    }
}
