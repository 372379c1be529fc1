package io.tlscheck.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One finding of one endpoint. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class FindingInfo {
    @JsonPropertyDescription("Rule id, such as validity.expiring.")
    private String id;

    @JsonPropertyDescription("Warning or Failing.")
    private String severity;

    @JsonPropertyDescription("CamelCase reason.")
    private String reason;

    @JsonPropertyDescription("What was found, in words.")
    private String message;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getSeverity() {
        return severity;
    }

    public void setSeverity(String severity) {
        this.severity = severity;
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
