package io.tlscheck.sidecar;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.tlscheck.api.v1alpha1.TlsCheck;
import io.tlscheck.api.v1alpha1.TlsCheckSpec;
import io.tlscheck.api.v1alpha1.SpecError;

/**
 * What a TlsCheck must satisfy for the sidecar on top of the spec's own rules. The sidecar has
 * no API server: whatever needs one is refused at start-up, pinned to its line, instead of
 * being skipped quietly, since a sidecar that silently checks less than its file says would
 * vouch for readiness it never looked at.
 */
final class SidecarRules {
    /** The annotation that makes a Failing verdict of the check fail the pod's readiness. */
    static final String READINESS_ANNOTATION = "tlscheck.io/readiness";

    private SidecarRules() {
    }

    /**
     * @param haveCaFiles    {@code --ca-file} was given: it stands in for {@code trust.caBundle}
     * @param haveClientCert {@code --client-cert/--client-key} were given: they stand in for the Secret
     */
    static List<SpecError> check(TlsCheck check, boolean haveCaFiles, boolean haveClientCert) {
        List<SpecError> errors = new ArrayList<>();
        TlsCheckSpec spec = check.getSpec();
        if (spec.getService() != null) {
            errors.add(new SpecError("/spec/service", "Service targets need the operator, which resolves their "
                    + "endpoints through the API server; the sidecar checks host targets such as 127.0.0.1"));
        }
        if (spec.getIngress() != null) {
            errors.add(new SpecError("/spec/ingress", "Ingress targets need the operator, which reads the Ingress "
                    + "from the API server; the sidecar checks host targets such as 127.0.0.1"));
        }
        if (spec.getTrust() != null && spec.getTrust().getCaBundle() != null && !haveCaFiles) {
            errors.add(new SpecError("/spec/trust/caBundle", "is read from the cluster, which the sidecar does "
                    + "not talk to; mount the CA and pass it with --ca-file"));
        }
        if (spec.getClientCertificate() != null && !haveClientCert) {
            errors.add(new SpecError("/spec/clientCertificate", "Secret " + spec.getClientCertificate().getSecretName()
                    + " is read from the cluster, which the sidecar does not talk to; mount it and pass "
                    + "--client-cert and --client-key"));
        }
        if (spec.getExpect() != null && spec.getExpect().getMatchSecret() != null) {
            errors.add(new SpecError("/spec/expect/matchSecret", "needs the operator, which reads Secret "
                    + spec.getExpect().getMatchSecret().getName() + " from the API server"));
        }
        String readiness = annotations(check).get(READINESS_ANNOTATION);
        if (readiness != null && !readiness.equals("true") && !readiness.equals("false")) {
            errors.add(new SpecError("/metadata/annotations", READINESS_ANNOTATION
                    + " must be \"true\" or \"false\" (got \"" + readiness + "\")"));
        }
        return errors;
    }

    static boolean readiness(TlsCheck check) {
        return "true".equals(annotations(check).get(READINESS_ANNOTATION));
    }

    private static Map<String, String> annotations(TlsCheck check) {
        Map<String, String> annotations = check.getMetadata() == null ? null : check.getMetadata().getAnnotations();
        return annotations == null ? Map.of() : annotations;
    }
}
