package io.tlscheck.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Required;

/** The Secret whose certificate the server must be serving. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SecretMatch {
    @JsonPropertyDescription("Name of the Secret in the TlsCheck's namespace.")
    @Required
    private String name;

    @JsonPropertyDescription("Key holding the PEM certificate (default tls.crt).")
    private String key;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }
}
