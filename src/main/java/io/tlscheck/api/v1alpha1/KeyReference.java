package io.tlscheck.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Required;

/** A key in a ConfigMap or Secret of the TlsCheck's namespace, spelled as Kubernetes spells it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class KeyReference {
    @JsonPropertyDescription("Name of the ConfigMap or Secret.")
    @Required
    private String name;

    @JsonPropertyDescription("Key within it.")
    @Required
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
