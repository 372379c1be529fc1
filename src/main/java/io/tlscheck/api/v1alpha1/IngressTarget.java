package io.tlscheck.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Required;

/** An Ingress whose TLS hosts are checked through its load-balancer address. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class IngressTarget {
    @JsonPropertyDescription("Name of the Ingress in the TlsCheck's namespace.")
    @Required
    private String name;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
