package io.tlscheck.operator;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.tlscheck.api.v1alpha1.CaBundle;
import io.tlscheck.api.v1alpha1.KeyReference;
import io.tlscheck.api.v1alpha1.TlsCheck;
import io.tlscheck.engine.ClientCredentials;
import io.tlscheck.engine.ExpectedLeaf;
import io.tlscheck.engine.Pem;

/**
 * Reads what a TlsCheck refers to: its CA bundle, its client certificate, and the Secrets whose
 * certificate a server must serve. A missing or unusable reference is a {@link Problem} with a
 * CamelCase reason and a message that names the object and key, never their contents.
 */
public final class ReferenceResolver {
    static final String TLS_CERT = "tls.crt";
    static final String TLS_KEY = "tls.key";

    private final ClusterView cluster;

    public ReferenceResolver(ClusterView cluster) {
        this.cluster = cluster;
    }

    /** Why a reference cannot be used. */
    public static final class Problem extends Exception {
        private final String reason;

        Problem(String reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    /** Extra trusted CAs from {@code spec.trust.caBundle}, empty when there is none. */
    public List<X509Certificate> caBundle(TlsCheck check) throws Problem {
        var trust = check.getSpec().getTrust();
        CaBundle bundle = trust == null ? null : trust.getCaBundle();
        if (bundle == null) {
            return List.of();
        }
        String namespace = check.getMetadata().getNamespace();
        if (bundle.getConfigMapKeyRef() != null) {
            KeyReference ref = bundle.getConfigMapKeyRef();
            String object = "ConfigMap " + namespace + "/" + ref.getName();
            ConfigMap map = cluster.configMap(namespace, ref.getName())
                    .orElseThrow(() -> new Problem("ConfigMapNotFound", object + " not found (trust.caBundle)"));
            String pem = map.getData() == null ? null : map.getData().get(ref.getKey());
            return certificates(pem, object + " key " + ref.getKey());
        }
        if (bundle.getSecretKeyRef() != null) {
            KeyReference ref = bundle.getSecretKeyRef();
            String object = "Secret " + namespace + "/" + ref.getName();
            Secret secret = cluster.secret(namespace, ref.getName())
                    .orElseThrow(() -> new Problem("SecretNotFound", object + " not found (trust.caBundle)"));
            return certificates(decoded(secret, ref.getKey()).orElse(null), object + " key " + ref.getKey());
        }
        return List.of();
    }

    private static List<X509Certificate> certificates(String pem, String source) throws Problem {
        if (pem == null) {
            throw new Problem("KeyNotFound", source + " does not exist (trust.caBundle)");
        }
        try {
            return Pem.readCertificates(pem, source);
        } catch (IllegalArgumentException e) {
            throw new Problem("InvalidCaBundle", e.getMessage());
        }
    }

    /** The client certificate and key from a kubernetes.io/tls Secret, or {@code null}. */
    public ClientCredentials clientCredentials(TlsCheck check) throws Problem {
        var client = check.getSpec().getClientCertificate();
        if (client == null) {
            return null;
        }
        String namespace = check.getMetadata().getNamespace();
        String source = "Secret " + namespace + "/" + client.getSecretName();
        Secret secret = cluster.secretWithPrivateKey(namespace, client.getSecretName())
                .orElseThrow(() -> new Problem("SecretNotFound", source + " not found (clientCertificate)"));
        String cert = decoded(secret, TLS_CERT)
                .orElseThrow(() -> new Problem("KeyNotFound", source + " has no " + TLS_CERT + " (clientCertificate)"));
        String key = decoded(secret, TLS_KEY)
                .orElseThrow(() -> new Problem("KeyNotFound", source + " has no " + TLS_KEY + " (clientCertificate)"));
        try {
            return new ClientCredentials(Pem.readCertificates(cert, source + " " + TLS_CERT),
                    Pem.readPrivateKey(key, source + " " + TLS_KEY));
        } catch (IllegalArgumentException e) {
            throw new Problem("InvalidClientCertificate", e.getMessage());
        }
    }

    /**
     * The leaf certificate in a Secret ({@code namespace/name}, key {@code tls.crt} unless
     * given). Problems are carried in the result, not thrown: the endpoint is still checked and
     * the comparison reports that it could not be made.
     */
    public ExpectedLeaf expectedLeaf(String secretRef, String key) {
        String[] parts = secretRef.split("/", 2);
        String dataKey = key == null ? TLS_CERT : key;
        String source = "Secret " + secretRef;
        Optional<Secret> secret = cluster.secret(parts[0], parts[1]);
        if (secret.isEmpty()) {
            return ExpectedLeaf.unavailable(source, source + " not found");
        }
        Optional<String> pem = decoded(secret.get(), dataKey);
        if (pem.isEmpty()) {
            return ExpectedLeaf.unavailable(source, source + " has no " + dataKey);
        }
        try {
            return ExpectedLeaf.of(source, Pem.readCertificates(pem.get(), source + " " + dataKey).get(0));
        } catch (IllegalArgumentException e) {
            return ExpectedLeaf.unavailable(source, e.getMessage());
        }
    }

    /** A Secret value, base64-decoded; stringData is never present on objects read back. */
    private static Optional<String> decoded(Secret secret, String key) {
        Map<String, String> data = secret.getData();
        if (data == null || data.get(key) == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new String(Base64.getDecoder().decode(data.get(key)), StandardCharsets.ISO_8859_1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
