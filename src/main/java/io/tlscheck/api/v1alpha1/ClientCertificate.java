package io.tlscheck.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Required;

/** The client certificate presented for mutual TLS. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ClientCertificate {
    @JsonPropertyDescription("Name of a kubernetes.io/tls Secret (tls.crt and tls.key) in the TlsCheck's namespace.")
    @Required
    private String secretName;

    public String getSecretName() {
        return secretName;
    }

    public void setSecretName(String secretName) {
        this.secretName = secretName;
    }
}
