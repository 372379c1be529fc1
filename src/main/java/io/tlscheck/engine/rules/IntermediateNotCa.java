package io.tlscheck.engine.rules;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

import io.tlscheck.engine.Certificates;
import io.tlscheck.engine.Finding;
import io.tlscheck.engine.Severity;

/**
 * RFC 5280 §6.1.4 (k) and (l): every issuing certificate on the path must be a CA
 * (basicConstraints CA:TRUE) and its pathLenConstraint must allow the non-self-issued
 * intermediates below it. A leaf used to sign another leaf is the classic way to forge a
 * chain, and clients reject it. The anchor's constraints are the trust store's business.
 */
final class IntermediateNotCa implements Rule {
    private static final RuleInfo INFO = new RuleInfo("basic-constraints.not-ca", Severity.FAILING,
            "BadBasicConstraints",
            "An issuing certificate on the path is not a CA, or its path length constraint is exceeded",
            "RFC 5280 §4.2.1.9, §6.1.4 (k)-(m)",
            "Serve the CA's real intermediate certificate (basicConstraints CA:TRUE, with a pathLenConstraint "
                    + "that allows the chain below it).");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Optional<Finding> evaluate(CheckContext context) {
        List<X509Certificate> path = context.path().nonAnchorCertificates();
        int intermediatesBelow = 0;
        for (int i = 1; i < path.size(); i++) {
            X509Certificate issuer = path.get(i);
            int pathLength = issuer.getBasicConstraints();
            if (pathLength < 0) {
                return Optional.of(finding("%s is not a CA (no basicConstraints CA:TRUE), yet it issued \"%s\"",
                        Wording.certificate(context, issuer), Certificates.shortName(path.get(i - 1))));
            }
            if (intermediatesBelow > pathLength) {
                return Optional.of(finding("%s allows %d intermediate certificate%s below it (pathLenConstraint), "
                                + "but %d follow%s", Wording.certificate(context, issuer), pathLength,
                        pathLength == 1 ? "" : "s", intermediatesBelow, intermediatesBelow == 1 ? "s" : ""));
            }
            // Self-issued certificates (key rollover) do not count against a path length.
            if (!Certificates.isSelfIssued(issuer)) {
                intermediatesBelow++;
            }
        }
        return Optional.empty();
    }
}
