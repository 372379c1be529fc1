package io.tlscheck.operator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tlscheck.api.v1alpha1.SecretMatch;
import io.tlscheck.api.v1alpha1.TlsCheck;
import io.tlscheck.api.v1alpha1.TlsCheckSpec;
import io.tlscheck.engine.CheckRequest;
import io.tlscheck.engine.Certificates;
import io.tlscheck.engine.ClientCredentials;
import io.tlscheck.engine.ExpectedLeaf;
import io.tlscheck.engine.Expectations;
import io.tlscheck.engine.ProbeOptions;
import io.tlscheck.engine.TrustAnchors;
import io.tlscheck.plan.SpecTranslator;

/**
 * Turns a TlsCheck and its resolved endpoints and references into a {@link CheckPlan}. The
 * plan's fingerprint covers everything the result depends on (spec, endpoints, CA bundle,
 * client certificate, expected certificates) but never key material, so "fingerprint changed"
 * is exactly "check again now".
 */
final class PlanBuilder {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ReferenceResolver references;
    private final Duration defaultInterval;

    PlanBuilder(ReferenceResolver references, Duration defaultInterval) {
        this.references = references;
        this.defaultInterval = defaultInterval;
    }

    CheckPlan plan(TlsCheck check, Resolution resolution) throws ReferenceResolver.Problem {
        TlsCheckSpec spec = check.getSpec();
        List<X509Certificate> caBundle = references.caBundle(check);
        ClientCredentials client = references.clientCredentials(check);
        TrustAnchors trust = SpecTranslator.trust(spec, caBundle);
        ProbeOptions probe = SpecTranslator.probeOptions(spec, client);
        Expectations expect = SpecTranslator.expectations(spec.getExpect());
        SecretMatch match = spec.getExpect() == null ? null : spec.getExpect().getMatchSecret();

        StringBuilder inputs = new StringBuilder(specJson(spec));
        caBundle.forEach(ca -> inputs.append("|ca:").append(Certificates.sha256Fingerprint(ca)));
        if (client != null) {
            inputs.append("|client:").append(Certificates.sha256Fingerprint(client.chain().get(0)));
        }
        Map<String, ExpectedLeaf> leaves = new HashMap<>();
        List<PlannedCheck> checks = new ArrayList<>();
        for (PlannedEndpoint endpoint : resolution.endpoints()) {
            String secretRef = match != null ? check.getMetadata().getNamespace() + "/" + match.getName()
                    : endpoint.secretRef();
            String key = match != null ? match.getKey() : null;
            ExpectedLeaf leaf = secretRef == null ? null
                    : leaves.computeIfAbsent(secretRef, ref -> references.expectedLeaf(ref, key));
            Expectations want = leaf == null ? expect : expect.withExpectedLeaf(leaf);
            checks.add(new PlannedCheck(endpoint, CheckRequest.of(endpoint.endpoint(), probe, want, trust)));
            inputs.append("|ep:").append(endpoint.endpoint()).append('@').append(endpoint.endpoint().host())
                    .append('/').append(endpoint.pod()).append('/').append(describe(leaf));
        }
        return new CheckPlan(checks, SpecTranslator.interval(spec, defaultInterval), sha256(inputs.toString()));
    }

    static boolean comparesSecret(TlsCheck check, Resolution resolution) {
        boolean matchSecret = check.getSpec().getExpect() != null && check.getSpec().getExpect().getMatchSecret() != null;
        return matchSecret || resolution.endpoints().stream().anyMatch(e -> e.secretRef() != null);
    }

    private static String describe(ExpectedLeaf leaf) {
        if (leaf == null) {
            return "-";
        }
        return leaf.certificate() != null ? Certificates.sha256Fingerprint(leaf.certificate()) : "problem:" + leaf.problem();
    }

    private static String specJson(TlsCheckSpec spec) {
        try {
            return JSON.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a TlsCheck spec always serialises", e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
