package io.tlscheck.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the operator observed. The full shape (conditions, endpoints) arrives with the operator;
 * the CLI reports the same verdict, reason and message.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TlsCheckStatus {
    private Long observedGeneration;
    private String verdict;
    private String reason;
    private String message;

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
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
}
