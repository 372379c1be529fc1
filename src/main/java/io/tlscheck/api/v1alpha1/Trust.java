package io.tlscheck.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Which CAs a served chain may end at. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Trust {
    @JsonPropertyDescription("Trust the JDK's public root CAs (default true).")
    private Boolean systemRoots;

    @JsonPropertyDescription("Extra CA certificates to trust.")
    private CaBundle caBundle;

    public Boolean getSystemRoots() {
        return systemRoots;
    }

    public void setSystemRoots(Boolean systemRoots) {
        this.systemRoots = systemRoots;
    }

    public CaBundle getCaBundle() {
        return caBundle;
    }

    public void setCaBundle(CaBundle caBundle) {
        this.caBundle = caBundle;
    }
}
