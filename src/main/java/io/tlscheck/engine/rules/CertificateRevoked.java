package io.tlscheck.engine.rules;

import java.util.Optional;

import io.tlscheck.engine.Finding;
import io.tlscheck.engine.Severity;
import io.tlscheck.engine.revocation.RevocationState;

/**
 * RFC 5280 §6.3 and RFC 6960: a certificate its CA has revoked must not be relied on, whatever
 * else is right about it. The revocation checker ran before the rules (with OCSP, stapled OCSP
 * or a CRL); this rule only reads its answer.
 */
final class CertificateRevoked implements Rule {
    private static final RuleInfo INFO = new RuleInfo("revocation.revoked", Severity.FAILING, "CertificateRevoked",
            "A certificate on the path has been revoked by its CA",
            "RFC 5280 §6.3; RFC 6960",
            "Install a newly issued certificate (with a new key if the old one may be compromised) and reload the server.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Optional<Finding> evaluate(CheckContext context) {
        return context.revocation().stream()
                .filter(r -> r.state() == RevocationState.REVOKED)
                .findFirst()
                .map(r -> finding("%s was revoked%s%s, according to %s", Wording.certificate(context, r.certificate()),
                        r.revokedAt() == null ? "" : " on " + Wording.date(r.revokedAt()),
                        Wording.ifPresent(" (", r.detail(), ")"), Wording.source(r)));
    }
}
