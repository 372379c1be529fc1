package io.tlscheck.engine.rules;

import java.util.Optional;

import io.tlscheck.engine.Certificates;
import io.tlscheck.engine.ExpectedLeaf;
import io.tlscheck.engine.Finding;
import io.tlscheck.engine.Severity;

/**
 * The server must serve the certificate in its Secret. When cert-manager has renewed the Secret
 * but the server (or one replica) has not reloaded, clients keep getting the old certificate
 * until it expires: this is the check that notices before they do.
 */
final class ServedCertificateStale implements Rule {
    private static final RuleInfo INFO = new RuleInfo("secret.stale", Severity.FAILING, "ServedCertificateStale",
            "The server does not serve the certificate in its Secret",
            "spec.expect.matchSecret; Ingress spec.tls[].secretName",
            "Reload or restart the server so it picks up the renewed certificate (for example "
                    + "kubectl rollout restart), or point the check at the right Secret.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Optional<Finding> evaluate(CheckContext context) {
        ExpectedLeaf expected = context.want().expectedLeaf();
        var leaf = context.leaf();
        if (expected == null || expected.certificate() == null || leaf == null || leaf.equals(expected.certificate())) {
            return Optional.empty();
        }
        var wanted = expected.certificate();
        return Optional.of(finding("served certificate for %s (sha256 %s, valid until %s) is not the one in %s "
                        + "(sha256 %s, valid until %s)", Certificates.shortName(leaf), shortHash(leaf),
                Wording.date(leaf.getNotAfter().toInstant()), expected.source(), shortHash(wanted),
                Wording.date(wanted.getNotAfter().toInstant())));
    }

    /** The first 8 bytes of the fingerprint tell certificates apart in a one-line message. */
    private static String shortHash(java.security.cert.X509Certificate cert) {
        return Certificates.sha256Fingerprint(cert).substring(0, 23);
    }
}
