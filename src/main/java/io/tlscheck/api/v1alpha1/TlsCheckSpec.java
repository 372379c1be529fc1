package io.tlscheck.api.v1alpha1;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** What to check and how. Exactly one of {@code host}, {@code service} or {@code ingress}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "[has(self.host), has(self.service), has(self.ingress)].filter(t, t).size() == 1",
        message = "exactly one of host, service or ingress must be set")
@ValidationRule(value = "!has(self.port) || has(self.host)",
        message = "port applies to a host target only; set service.port for a Service")
@ValidationRule(value = "!has(self.interval) || duration(self.interval) >= duration('10s')",
        message = "interval must be at least 10s")
@ValidationRule(value = "duration(has(self.timeout) ? self.timeout : '10s') < duration(has(self.interval) ? self.interval : '5m')",
        message = "timeout must be shorter than the interval")
@ValidationRule(value = "!has(self.timeout) || duration(self.timeout) > duration('0s')", message = "timeout must be positive")
public class TlsCheckSpec {
    /** Go durations, as Kubernetes users write them: 30s, 5m, 1h30m (no days: CEL cannot read them). */
    public static final String GO_DURATION = "^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$";

    @JsonPropertyDescription("DNS name or IP address to connect to. Exactly one of host, service or ingress.")
    @Size(min = 1, max = 253)
    private String host;

    @JsonPropertyDescription("TCP port for a host target (default 443).")
    @Min(1)
    @Max(65535)
    private Integer port;

    @JsonPropertyDescription("Check every ready endpoint behind a Service in this namespace.")
    private ServiceTarget service;

    @JsonPropertyDescription("Check every spec.tls[].hosts entry of an Ingress in this namespace.")
    private IngressTarget ingress;

    @JsonPropertyDescription("Name sent as SNI and verified against the certificate. Defaults to the host, "
            + "<service>.<namespace>.svc for a Service, and each TLS host for an Ingress.")
    private String serverName;

    @JsonPropertyDescription("Upgrade a plain-text protocol to TLS first: smtp, imap, pop3, ftp or postgres.")
    @Pattern("^(?i)(smtp|imap|pop3|ftp|postgres|postgresql)$")
    private String starttls;

    @JsonPropertyDescription("Application protocols to offer with ALPN, in order (for example h2, http/1.1).")
    @Size(max = 8)
    private List<String> alpn;

    @JsonPropertyDescription("How often to check, as a duration such as 5m or 1h (default 5m).")
    @Pattern(GO_DURATION)
    @Size(max = 16)
    private String interval;

    @JsonPropertyDescription("Upper bound for one whole check, such as 10s (default 10s).")
    @Pattern(GO_DURATION)
    @Size(max = 16)
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
