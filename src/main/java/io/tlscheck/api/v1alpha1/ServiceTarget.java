package io.tlscheck.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** A Service whose ready endpoints are checked, each on its own. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ServiceTarget {
    @JsonPropertyDescription("Name of the Service in the TlsCheck's namespace.")
    @Required
    private String name;

    @JsonPropertyDescription("Service port, by number or by name.")
    private String port;

    @JsonPropertyDescription("All: check every ready endpoint (one stale replica shows). Any: check one.")
    @Pattern("^(All|Any)$")
    private String endpoints;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getPort() {
        return port;
    }

    public void setPort(String port) {
        this.port = port;
    }

    public String getEndpoints() {
        return endpoints;
    }

    public void setEndpoints(String endpoints) {
        this.endpoints = endpoints;
    }
}
