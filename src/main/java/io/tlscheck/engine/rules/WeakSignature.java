package io.tlscheck.engine.rules;

import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.tlscheck.engine.Certificates;
import io.tlscheck.engine.Finding;
import io.tlscheck.engine.Severity;

/**
 * CA/B BR §7.1.3.2: SHA-1 and MD5 signatures can be forged by collision (RFC 6194, RFC 6151),
 * so a certificate signed with one proves nothing. The trust anchor is exempt even when served:
 * it is trusted by configuration, and nobody relies on its self-signature.
 */
final class WeakSignature implements Rule {
    private static final RuleInfo INFO = new RuleInfo("signature.weak-algorithm", Severity.FAILING, "WeakSignature",
            "A certificate on the path is signed with a forbidden hash (SHA-1, MD5 by default)",
            "CA/B BR §7.1.3.2; RFC 6194; RFC 6151",
            "Reissue the certificate (or have the CA reissue its intermediate) with a SHA-256 or stronger signature.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Optional<Finding> evaluate(CheckContext context) {
        Set<String> forbidden = context.want().forbiddenSignatureHashes().stream()
                .map(WeakSignature::normalize)
                .collect(Collectors.toSet());
        // nonAnchorCertificates, not PathScope: a leaf that is itself the anchor is exempt as well.
        for (X509Certificate cert : context.path().nonAnchorCertificates()) {
            String hash = Certificates.signatureHash(cert);
            if (forbidden.contains(hash)) {
                return Optional.of(finding("%s is signed with %s, and %s signatures are forbidden",
                        Wording.certificate(context, cert), cert.getSigAlgName(), hash));
            }
        }
        return Optional.empty();
    }

    /** As {@link Certificates#signatureHash} spells digests: {@code sha-1} becomes {@code SHA1}. */
    private static String normalize(String hash) {
        return hash.trim().toUpperCase(Locale.ROOT).replace("-", "");
    }
}
