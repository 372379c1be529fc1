package io.tlscheck.api.v1alpha1;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.kubernetes.api.model.Condition;

/**
 * What the operator observed. Written only when something a reader cares about changes, so
 * it holds no timestamps of the last check: a steady state costs the API server no writes.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class TlsCheckStatus {
    @JsonPropertyDescription("The spec generation this status describes.")
    private Long observedGeneration;

    @JsonPropertyDescription("What is checked: host:port, service/<name> or ingress/<name>.")
    private String target;

    @JsonPropertyDescription("Healthy, Warning, Failing or Unknown.")
    private String verdict;

    @JsonPropertyDescription("CamelCase reason of the worst finding.")
    private String reason;

    @JsonPropertyDescription("One line for a person.")
    private String message;

    @JsonPropertyDescription("Earliest notAfter among the served leaf certificates (RFC 3339).")
    private String notAfter;

    @JsonPropertyDescription("Time left until notAfter, such as 29d or 5h.")
    private String expiresIn;

    @JsonPropertyDescription("Negotiated TLS version (the oldest, when endpoints differ).")
    private String protocol;

    @JsonPropertyDescription("Ready (kstatus-compatible) and one condition per aspect.")
    private List<Condition> conditions = new ArrayList<>();

    @JsonPropertyDescription("Per-endpoint details, at most 20.")
    private List<EndpointStatus> endpoints = new ArrayList<>();

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public String getVerdict() {
        return verdict;
    }

    public void setVerdict(String verdict) {
        this.verdict = verdict;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public String getNotAfter() {
        return notAfter;
    }

    public void setNotAfter(String notAfter) {
        this.notAfter = notAfter;
    }

    public String getExpiresIn() {
        return expiresIn;
    }

    public void setExpiresIn(String expiresIn) {
        this.expiresIn = expiresIn;
    }

    public String getProtocol() {
        return protocol;
    }

    public void setProtocol(String protocol) {
        this.protocol = protocol;
    }

    public List<Condition> getConditions() {
        return conditions;
    }

    public void setConditions(List<Condition> conditions) {
        this.conditions = conditions;
    }

    public List<EndpointStatus> getEndpoints() {
        return endpoints;
    }

    public void setEndpoints(List<EndpointStatus> endpoints) {
        this.endpoints = endpoints;
    }
}
