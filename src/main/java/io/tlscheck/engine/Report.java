package io.tlscheck.engine;

import java.util.List;

import io.tlscheck.engine.chain.ChainPath;
import io.tlscheck.engine.enumerate.EnumerationResult;
import io.tlscheck.engine.revocation.RevocationResult;

/**
 * The outcome of one check: what was seen, what was found, and the verdict.
 *
 * @param observation what the probe saw
 * @param path        the certification path built from the served chain
 * @param findings    rule findings (or the probe failure as a finding), most severe first
 * @param verdict     Healthy, Warning, Failing or Unknown
 * @param reason      CamelCase reason of the worst finding, or {@code Healthy}
 * @param message     one line for a person
 * @param enumeration protocol and suite enumeration, or {@code null}
 * @param revocation  revocation results, empty when not asked for
 */
public record Report(Observation observation, ChainPath path, List<Finding> findings, Verdict verdict, String reason,
                     String message, EnumerationResult enumeration, List<RevocationResult> revocation) {
    public Report {
        findings = List.copyOf(findings);
        revocation = List.copyOf(revocation == null ? List.of() : revocation);
    }
}
