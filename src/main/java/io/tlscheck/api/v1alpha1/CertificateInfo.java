package io.tlscheck.api.v1alpha1;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One certificate, summarised; never key material. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class CertificateInfo {
    @JsonPropertyDescription("Subject distinguished name.")
    private String subject;

    @JsonPropertyDescription("Issuer distinguished name.")
    private String issuer;

    @JsonPropertyDescription("Serial number, hexadecimal.")
    private String serialNumber;

    @JsonPropertyDescription("Start of validity (RFC 3339).")
    private String notBefore;

    @JsonPropertyDescription("End of validity (RFC 3339).")
    private String notAfter;

    @JsonPropertyDescription("SHA-256 fingerprint of the DER certificate.")
    private String sha256;

    @JsonPropertyDescription("DNS subjectAltNames.")
    private List<String> dnsNames;

    @JsonPropertyDescription("IP subjectAltNames.")
    private List<String> ipAddresses;

    @JsonPropertyDescription("Public key algorithm: RSA, EC, Ed25519.")
    private String keyType;

    @JsonPropertyDescription("Key size in bits.")
    private Integer keyBits;

    @JsonPropertyDescription("Signature algorithm, such as SHA256withRSA.")
    private String signatureAlgorithm;

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getIssuer() {
        return issuer;
    }

    public void setIssuer(String issuer) {
        this.issuer = issuer;
    }

    public String getSerialNumber() {
        return serialNumber;
    }

    public void setSerialNumber(String serialNumber) {
        this.serialNumber = serialNumber;
    }

    public String getNotBefore() {
        return notBefore;
    }

    public void setNotBefore(String notBefore) {
        this.notBefore = notBefore;
    }

    public String getNotAfter() {
        return notAfter;
    }

    public void setNotAfter(String notAfter) {
        this.notAfter = notAfter;
    }

    public String getSha256() {
        return sha256;
    }

    public void setSha256(String sha256) {
        this.sha256 = sha256;
    }

    public List<String> getDnsNames() {
        return dnsNames;
    }

    public void setDnsNames(List<String> dnsNames) {
        this.dnsNames = dnsNames;
    }

    public List<String> getIpAddresses() {
        return ipAddresses;
    }

    public void setIpAddresses(List<String> ipAddresses) {
        this.ipAddresses = ipAddresses;
    }

    public String getKeyType() {
        return keyType;
    }

    public void setKeyType(String keyType) {
        this.keyType = keyType;
    }

    public Integer getKeyBits() {
        return keyBits;
    }

    public void setKeyBits(Integer keyBits) {
        this.keyBits = keyBits;
    }

    public String getSignatureAlgorithm() {
        return signatureAlgorithm;
    }

    public void setSignatureAlgorithm(String signatureAlgorithm) {
        this.signatureAlgorithm = signatureAlgorithm;
    }
}
