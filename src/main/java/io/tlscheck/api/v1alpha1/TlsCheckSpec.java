package io.tlscheck.api.v1alpha1;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** What to check and how. Exactly one of {@code host}, {@code service} or {@code ingress}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TlsCheckSpec {
    @JsonPropertyDescription("DNS name or IP address to connect to. Exactly one of host, service or ingress.")
    private String host;

    @JsonPropertyDescription("TCP port for a host target (default 443).")
    private Integer port;

    @JsonPropertyDescription("Check every ready endpoint behind a Service in this namespace.")
    private ServiceTarget service;

    @JsonPropertyDescription("Check every spec.tls[].hosts entry of an Ingress in this namespace.")
    private IngressTarget ingress;

    @JsonPropertyDescription("Name sent as SNI and verified against the certificate. Defaults to the host, "
            + "<service>.<namespace>.svc for a Service, and each TLS host for an Ingress.")
    private String serverName;

    @JsonPropertyDescription("Upgrade a plain-text protocol to TLS first: smtp, imap, pop3, ftp or postgres.")
    private String starttls;

    @JsonPropertyDescription("Application protocols to offer with ALPN, in order (for example h2, http/1.1).")
    private List<String> alpn;

    @JsonPropertyDescription("How often to check, as a duration such as 5m or 1h (default 5m).")
    private String interval;

    @JsonPropertyDescription("Upper bound for one whole check, such as 10s (default 10s).")
    private String timeout;

    @JsonPropertyDescription("Stop checking while true.")
    private Boolean suspend;

    @JsonPropertyDescription("Which certificate authorities the chain may end at.")
    private Trust trust;

    @JsonPropertyDescription("A kubernetes.io/tls Secret whose certificate and key are presented for mutual TLS.")
    private ClientCertificate clientCertificate;

    @JsonPropertyDescription("What the endpoint is held to.")
    private Expect expect;

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public ServiceTarget getService() {
        return service;
    }

    public void setService(ServiceTarget service) {
        this.service = service;
    }

    public IngressTarget getIngress() {
        return ingress;
    }

    public void setIngress(IngressTarget ingress) {
        this.ingress = ingress;
    }

    public String getServerName() {
        return serverName;
    }

    public void setServerName(String serverName) {
        this.serverName = serverName;
    }

    public String getStarttls() {
        return starttls;
    }

    public void setStarttls(String starttls) {
        this.starttls = starttls;
    }

    public List<String> getAlpn() {
        return alpn;
    }

    public void setAlpn(List<String> alpn) {
        this.alpn = alpn;
    }

    public String getInterval() {
        return interval;
    }

    public void setInterval(String interval) {
        this.interval = interval;
    }

    public String getTimeout() {
        return timeout;
    }

    public void setTimeout(String timeout) {
        this.timeout = timeout;
    }

    public Boolean getSuspend() {
        return suspend;
    }

    public void setSuspend(Boolean suspend) {
        this.suspend = suspend;
    }

    public Trust getTrust() {
        return trust;
    }

    public void setTrust(Trust trust) {
        this.trust = trust;
    }

    public ClientCertificate getClientCertificate() {
        return clientCertificate;
    }

    public void setClientCertificate(ClientCertificate clientCertificate) {
        this.clientCertificate = clientCertificate;
    }

    public Expect getExpect() {
        return expect;
    }

    public void setExpect(Expect expect) {
        this.expect = expect;
    }
}
