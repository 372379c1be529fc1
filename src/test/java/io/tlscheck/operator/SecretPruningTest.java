package io.tlscheck.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.tlscheck.engine.Pem;
import io.tlscheck.testing.Issued;
import io.tlscheck.testing.TestCertificates;

class SecretPruningTest {
    private static final String SMALL = Base64.getEncoder().encodeToString("value".getBytes());

    @Test
    void dropsWhatLooksPrivateAndKeepsCertificates() {
        Secret secret = secretWith("tls.crt", "tls.key", "ca.crt", "client.key", "bundle.pem", "password", "db-password",
                "token", "api-token", "apikey", "public-key.pem");

        assertThat(SecretPruning.prune(secret).getData()).containsOnlyKeys("tls.crt", "ca.crt", "bundle.pem",
                "public-key.pem");
    }

    @Test
    void dropsBigValuesAndStringData() {
        String big = Base64.getEncoder().encodeToString(new byte[SecretPruning.MAX_VALUE_BYTES + 64 * 1024]);
        Secret secret = new SecretBuilder().withNewMetadata().withName("release").endMetadata()
                .addToData("tls.crt", SMALL).addToData("release", big).addToStringData("ca.crt", "plain").build();

        Secret pruned = SecretPruning.prune(secret);

        assertThat(pruned.getData().keySet()).containsOnly("tls.crt");
        assertThat(pruned.getStringData()).isNullOrEmpty();
        assertThat(pruned.getMetadata().getName()).isEqualTo("release");
    }

    @Test
    void aCertificateFileThatAlsoHoldsItsKeyKeepsOnlyTheCertificate() {
        Issued leaf = TestCertificates.leaf("www.shop.example").ec(256).build();
        String key = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(leaf.keyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Secret secret = new SecretBuilder().withNewMetadata().withName("haproxy").endMetadata()
                .addToData("haproxy.pem", base64(Pem.write(leaf.certificate()) + key))
                .addToData("server.pem", base64(key))
                .addToData("truncated.pem", base64("-----BEGIN RSA PRIVATE KEY-----\nMIIE")).build();

        Map<String, String> pruned = SecretPruning.prune(secret).getData();

        assertThat(pruned.keySet()).containsOnly("haproxy.pem");
        String kept = new String(Base64.getDecoder().decode(pruned.get("haproxy.pem")), StandardCharsets.US_ASCII);
        assertThat(kept).doesNotContain("PRIVATE KEY");
        assertThat(Pem.readCertificates(kept, "haproxy.pem")).containsExactly(leaf.certificate());
    }

    @Test
    void leavesAnEmptySecretAlone() {
        Secret empty = new SecretBuilder().withNewMetadata().withName("empty").endMetadata().build();

        assertThat(SecretPruning.prune(empty)).isSameAs(empty);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static Secret secretWith(String... keys) {
        SecretBuilder secret = new SecretBuilder().withNewMetadata().withName("s").endMetadata();
        for (String key : keys) {
            secret.addToData(key, SMALL);
        }
        return secret.build();
    }

}
