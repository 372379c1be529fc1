package io.tlscheck.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.ValidationRule;

/** Extra trusted CA certificates (PEM), from a ConfigMap or a Secret key. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "has(self.configMapKeyRef) != has(self.secretKeyRef)",
        message = "exactly one of configMapKeyRef or secretKeyRef must be set")
public class CaBundle {
    @JsonPropertyDescription("PEM CA certificates in a ConfigMap key.")
    private KeyReference configMapKeyRef;

    @JsonPropertyDescription("PEM CA certificates in a Secret key.")
    private KeyReference secretKeyRef;

    public KeyReference getConfigMapKeyRef() {
        return configMapKeyRef;
    }

    public void setConfigMapKeyRef(KeyReference configMapKeyRef) {
        this.configMapKeyRef = configMapKeyRef;
    }

    public KeyReference getSecretKeyRef() {
        return secretKeyRef;
    }

    public void setSecretKeyRef(KeyReference secretKeyRef) {
        this.secretKeyRef = secretKeyRef;
    }
}
