package io.tlscheck.engine.rules;

import java.util.Locale;
import java.util.Optional;

import io.tlscheck.engine.Certificates;
import io.tlscheck.engine.Finding;
import io.tlscheck.engine.Severity;

/**
 * The leaf must come from one of the CAs a user expects, matched loosely (a DN or a part of
 * one, any case, spaces around separators ignored) because people paste issuers from openssl,
 * which writes {@code O = Let's Encrypt, CN = R11}. Catches a fallback or rogue issuer that
 * would otherwise pass as trusted.
 */
final class UnexpectedIssuer implements Rule {
    private static final RuleInfo INFO = new RuleInfo("issuer.unexpected", Severity.FAILING, "UnexpectedIssuer",
            "The server's certificate was issued by a CA other than the expected ones",
            "expected issuers (spec.expect); CA/B BR §7.1.4.1 (issuer name)",
            "Find out why another CA issued the served certificate (a fallback issuer, a stale "
                    + "certificate?), or add this issuer to the expected ones.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Optional<Finding> evaluate(CheckContext context) {
        var leaf = context.leaf();
        var expected = context.want().expectedIssuers();
        if (leaf == null || expected.isEmpty()) {
            return Optional.empty();
        }
        String issuer = leaf.getIssuerX500Principal().getName();
        String normalizedIssuer = normalize(issuer);
        if (expected.stream().anyMatch(e -> normalizedIssuer.contains(normalize(e)))) {
            return Optional.empty();
        }
        return Optional.of(finding("certificate for %s was issued by \"%s\", which matches none of the expected "
                + "issuers (%s)", Certificates.shortName(leaf), issuer, String.join("; ", expected)));
    }

    private static String normalize(String dn) {
        return dn.trim().toLowerCase(Locale.ROOT).replaceAll("\\s*([,=+])\\s*", "$1");
    }
}
