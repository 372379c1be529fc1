package io.tlscheck.api.v1alpha1;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** What one endpoint served and how it was judged. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class EndpointStatus {
    @JsonPropertyDescription("IP address (or host) connected to.")
    private String address;

    @JsonPropertyDescription("TCP port.")
    private Integer port;

    @JsonPropertyDescription("SNI sent and name verified.")
    private String serverName;

    @JsonPropertyDescription("Pod behind the endpoint, when known (Service targets).")
    private String pod;

    @JsonPropertyDescription("Healthy, Warning, Failing or Unknown.")
    private String verdict;

    @JsonPropertyDescription("CamelCase reason of the worst finding.")
    private String reason;

    @JsonPropertyDescription("One line for a person.")
    private String message;

    @JsonPropertyDescription("Negotiated TLS version.")
    private String protocol;

    @JsonPropertyDescription("Negotiated cipher suite.")
    private String cipherSuite;

    @JsonPropertyDescription("The served leaf certificate.")
    private CertificateInfo leaf;

    @JsonPropertyDescription("The served chain in the order the server sent it (leaf first).")
    private List<CertificateInfo> chain;

    @JsonPropertyDescription("Findings, most severe first.")
    private List<FindingInfo> findings;

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public String getServerName() {
        return serverName;
    }

    public void setServerName(String serverName) {
        this.serverName = serverName;
    }

    public String getPod() {
        return pod;
    }

    public void setPod(String pod) {
        this.pod = pod;
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

    public String getProtocol() {
        return protocol;
    }

    public void setProtocol(String protocol) {
        this.protocol = protocol;
    }

    public String getCipherSuite() {
        return cipherSuite;
    }

    public void setCipherSuite(String cipherSuite) {
        this.cipherSuite = cipherSuite;
    }

    public CertificateInfo getLeaf() {
        return leaf;
    }

    public void setLeaf(CertificateInfo leaf) {
        this.leaf = leaf;
    }

    public List<CertificateInfo> getChain() {
        return chain;
    }

    public void setChain(List<CertificateInfo> chain) {
        this.chain = chain;
    }

    public List<FindingInfo> getFindings() {
        return findings;
    }

    public void setFindings(List<FindingInfo> findings) {
        this.findings = findings;
    }
}
