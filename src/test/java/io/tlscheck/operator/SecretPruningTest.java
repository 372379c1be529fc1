package io.tlscheck.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;

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
    void leavesAnEmptySecretAlone() {
        Secret empty = new SecretBuilder().withNewMetadata().withName("empty").endMetadata().build();

        assertThat(SecretPruning.prune(empty)).isSameAs(empty);
    }

    private static Secret secretWith(String... keys) {
        SecretBuilder secret = new SecretBuilder().withNewMetadata().withName("s").endMetadata();
        for (String key : keys) {
            secret.addToData(key, SMALL);
        }
        return secret.build();
    }

}
