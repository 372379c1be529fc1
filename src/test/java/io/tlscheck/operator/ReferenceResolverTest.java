package io.tlscheck.operator;

import static io.tlscheck.operator.TestTlsChecks.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.tlscheck.api.v1alpha1.CaBundle;
import io.tlscheck.api.v1alpha1.ClientCertificate;
import io.tlscheck.api.v1alpha1.KeyReference;
import io.tlscheck.api.v1alpha1.TlsCheck;
import io.tlscheck.api.v1alpha1.TlsCheckSpec;
import io.tlscheck.api.v1alpha1.Trust;
import io.tlscheck.engine.ClientCredentials;
import io.tlscheck.engine.ExpectedLeaf;
import io.tlscheck.engine.Pem;
import io.tlscheck.testing.Issued;
import io.tlscheck.testing.TestCertificates;

class ReferenceResolverTest {
    private static final Issued ROOT = TestCertificates.ca("Shop Root").ec(256).build();
    private static final Issued OTHER_ROOT = TestCertificates.ca("Partner Root").ec(256).build();
    private static final Issued LEAF = TestCertificates.leaf("www.shop.example").ec(256).issuedBy(ROOT).build();
    /** Stands for content that must never be echoed in a reason or message. */
    private static final String SECRET_CONTENT = "hunter2-s3cr3t";
    private static final String GARBAGE_PEM = "-----BEGIN CERTIFICATE-----\n" + SECRET_CONTENT + "!!\n-----END CERTIFICATE-----\n";

    private final MapClusterView cluster = new MapClusterView();
    private final ReferenceResolver references = new ReferenceResolver(cluster);

    @Test
    void withoutCaBundleThereAreNoExtraAnchors() throws Exception {
        assertThat(references.caBundle(TestTlsChecks.of(TestTlsChecks.host("shop.example")))).isEmpty();
    }

    @Test
    void readsEveryCertificateOfACaBundleInAConfigMap() throws Exception {
        cluster.add(configMap("corp-ca", Map.of("ca.crt", Pem.write(ROOT.certificate()) + Pem.write(OTHER_ROOT.certificate()))));

        assertThat(references.caBundle(withConfigMapBundle("corp-ca", "ca.crt")))
                .containsExactly(ROOT.certificate(), OTHER_ROOT.certificate());
    }

    @Test
    void readsACaBundleFromASecretKey() throws Exception {
        cluster.add(secret("corp-ca", Map.of("ca.crt", Pem.write(ROOT.certificate()))));

        assertThat(references.caBundle(withSecretBundle("corp-ca", "ca.crt"))).containsExactly(ROOT.certificate());
    }

    @Test
    void missingObjectsAndKeysAreNamedProblems() {
        cluster.add(configMap("corp-ca", Map.of("ca.crt", Pem.write(ROOT.certificate()))));

        assertProblem(() -> references.caBundle(withConfigMapBundle("missing", "ca.crt")), "ConfigMapNotFound",
                "ConfigMap shop/missing not found");
        assertProblem(() -> references.caBundle(withSecretBundle("missing", "ca.crt")), "SecretNotFound",
                "Secret shop/missing not found");
        assertProblem(() -> references.caBundle(withConfigMapBundle("corp-ca", "bundle.pem")), "KeyNotFound",
                "ConfigMap shop/corp-ca key bundle.pem does not exist");
    }

    @Test
    void anUnreadableCaBundleIsInvalidWithoutQuotingIt() {
        cluster.add(configMap("garbage", Map.of("ca.crt", GARBAGE_PEM)),
                configMap("prose", Map.of("ca.crt", "the CA is " + SECRET_CONTENT)),
                secret("garbage", Map.of("ca.crt", GARBAGE_PEM)));

        for (TlsCheck check : new TlsCheck[] {withConfigMapBundle("garbage", "ca.crt"),
                withConfigMapBundle("prose", "ca.crt"), withSecretBundle("garbage", "ca.crt")}) {
            ReferenceResolver.Problem problem = catchThrowableOfType(ReferenceResolver.Problem.class,
                    () -> references.caBundle(check));
            assertThat(problem.reason()).isEqualTo("InvalidCaBundle");
            assertThat(problem.getMessage()).contains("shop/").doesNotContain(SECRET_CONTENT);
        }
    }

    @Test
    void readsTheClientCertificateAndKeyOfATlsSecret() throws Exception {
        cluster.add(tlsSecret("client-tls", Pem.write(LEAF.certificate()), privateKeyPem(LEAF.keyPair().getPrivate())));

        ClientCredentials credentials = references.clientCredentials(withClientCertificate("client-tls"));

        assertThat(credentials.chain()).containsExactly(LEAF.certificate());
        assertThat(credentials.key().getEncoded()).isEqualTo(LEAF.keyPair().getPrivate().getEncoded());
    }

    @Test
    void noClientCertificateIsNull() throws Exception {
        assertThat(references.clientCredentials(TestTlsChecks.of(TestTlsChecks.host("shop.example")))).isNull();
    }

    @Test
    void aClientCertificateSecretWithoutKeyOrNotThereIsAProblem() {
        cluster.add(secret("cert-only", Map.of("tls.crt", Pem.write(LEAF.certificate()))));

        assertProblem(() -> references.clientCredentials(withClientCertificate("cert-only")), "KeyNotFound",
                "Secret shop/cert-only has no tls.key");
        assertProblem(() -> references.clientCredentials(withClientCertificate("missing")), "SecretNotFound",
                "Secret shop/missing not found");
    }

    @Test
    void anUnreadableClientKeyIsInvalidWithoutQuotingIt() {
        String badKey = "-----BEGIN PRIVATE KEY-----\n" + SECRET_CONTENT + "\n-----END PRIVATE KEY-----\n";
        cluster.add(tlsSecret("client-tls", Pem.write(LEAF.certificate()), badKey));

        ReferenceResolver.Problem problem = catchThrowableOfType(ReferenceResolver.Problem.class,
                () -> references.clientCredentials(withClientCertificate("client-tls")));

        assertThat(problem.reason()).isEqualTo("InvalidClientCertificate");
        assertThat(problem.getMessage()).contains("Secret shop/client-tls tls.key").doesNotContain(SECRET_CONTENT);
    }

    @Test
    void expectedLeafIsTheSecretsCertificate() {
        cluster.add(tlsSecret("web-tls", Pem.write(LEAF.certificate()) + Pem.write(ROOT.certificate()),
                privateKeyPem(LEAF.keyPair().getPrivate())),
                secret("custom", Map.of("cert.pem", Pem.write(LEAF.certificate()))));

        assertThat(references.expectedLeaf("shop/web-tls", null))
                .isEqualTo(ExpectedLeaf.of("Secret shop/web-tls", LEAF.certificate()));
        assertThat(references.expectedLeaf("shop/custom", "cert.pem").certificate()).isEqualTo(LEAF.certificate());
    }

    @Test
    void anUnavailableExpectedLeafCarriesTheProblem() {
        cluster.add(secret("empty", Map.of("ca.crt", Pem.write(ROOT.certificate()))),
                secret("garbage", Map.of("tls.crt", GARBAGE_PEM)));

        assertThat(references.expectedLeaf("shop/missing", null))
                .isEqualTo(ExpectedLeaf.unavailable("Secret shop/missing", "Secret shop/missing not found"));
        assertThat(references.expectedLeaf("shop/empty", null).problem()).isEqualTo("Secret shop/empty has no tls.crt");
        ExpectedLeaf garbage = references.expectedLeaf("shop/garbage", null);
        assertThat(garbage.certificate()).isNull();
        assertThat(garbage.problem()).contains("Secret shop/garbage tls.crt").doesNotContain(SECRET_CONTENT);
    }

    private static void assertProblem(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String reason,
                                      String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ReferenceResolver.Problem.class, problem -> {
            assertThat(problem.reason()).isEqualTo(reason);
            assertThat(problem.getMessage()).contains(message);
        });
    }

    private static TlsCheck withConfigMapBundle(String name, String key) {
        CaBundle bundle = new CaBundle();
        bundle.setConfigMapKeyRef(keyRef(name, key));
        return withBundle(bundle);
    }

    private static TlsCheck withSecretBundle(String name, String key) {
        CaBundle bundle = new CaBundle();
        bundle.setSecretKeyRef(keyRef(name, key));
        return withBundle(bundle);
    }

    private static TlsCheck withBundle(CaBundle bundle) {
        Trust trust = new Trust();
        trust.setCaBundle(bundle);
        TlsCheckSpec spec = TestTlsChecks.host("shop.example");
        spec.setTrust(trust);
        return TestTlsChecks.of(spec);
    }

    private static TlsCheck withClientCertificate(String secretName) {
        ClientCertificate client = new ClientCertificate();
        client.setSecretName(secretName);
        TlsCheckSpec spec = TestTlsChecks.host("shop.example");
        spec.setClientCertificate(client);
        return TestTlsChecks.of(spec);
    }

    private static KeyReference keyRef(String name, String key) {
        KeyReference ref = new KeyReference();
        ref.setName(name);
        ref.setKey(key);
        return ref;
    }

    private static io.fabric8.kubernetes.api.model.ConfigMap configMap(String name, Map<String, String> data) {
        return new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace(NAMESPACE).endMetadata()
                .withData(data).build();
    }

    /** An Opaque Secret as read from the API server: values base64-encoded. */
    private static Secret secret(String name, Map<String, String> plain) {
        SecretBuilder secret = new SecretBuilder().withNewMetadata().withName(name).withNamespace(NAMESPACE).endMetadata()
                .withType("Opaque");
        plain.forEach((key, value) -> secret.addToData(key, base64(value)));
        return secret.build();
    }

    private static Secret tlsSecret(String name, String certificatePem, String keyPem) {
        return new SecretBuilder(secret(name, Map.of("tls.crt", certificatePem, "tls.key", keyPem)))
                .withType("kubernetes.io/tls").build();
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static String privateKeyPem(PrivateKey key) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }
}
