package io.tlscheck.api.v1alpha1;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** What the endpoint is held to. Every field is optional; defaults are the engine's. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = Expect.CRITICAL_HOURS + " <= " + Expect.WARNING_HOURS,
        message = "expiryCritical must not be longer than expiryWarning")
public class Expect {
    /** An expiry window in whole days (30d) or hours (720h): what certificate lifetimes are spoken in. */
    public static final String WINDOW = "^[0-9]{1,5}(d|h)$";
    /**
     * A window in hours, for CEL. Integer arithmetic on a short string keeps the rule's
     * estimated cost far below the API server's budget (duration() on a built string does not).
     */
    static final String CRITICAL_HOURS = "(has(self.expiryCritical) ? int(self.expiryCritical.substring(0, "
            + "self.expiryCritical.size() - 1)) * (self.expiryCritical.endsWith('d') ? 24 : 1) : 168)";
    static final String WARNING_HOURS = "(has(self.expiryWarning) ? int(self.expiryWarning.substring(0, "
            + "self.expiryWarning.size() - 1)) * (self.expiryWarning.endsWith('d') ? 24 : 1) : 720)";
    /** The versions a minimum may name: 1.0 and 1.1 are never acceptable anyway. */
    public static final String MIN_PROTOCOL = "^(?i)(tlsv?)?1[._](2|3)$";
    @JsonPropertyDescription("A certificate expiring within this is a Warning: days (30d) or hours (720h); default 30d.")
    @Pattern(WINDOW)
    @Size(max = 16)
    private String expiryWarning;

    @JsonPropertyDescription("A certificate expiring within this is Failing: days (7d) or hours (168h); default 7d; not longer than expiryWarning.")
    @Pattern(WINDOW)
    @Size(max = 16)
    private String expiryCritical;

    @JsonPropertyDescription("Lowest acceptable TLS version: 1.2 or 1.3 (default 1.2; 1.0 and 1.1 are always Failing).")
    @Pattern(MIN_PROTOCOL)
    private String minProtocol;

    @JsonPropertyDescription("Mozilla server-side TLS profile the cipher suites are held to: Modern, Intermediate (default) or Old.")
    @Pattern("^(?i)(modern|intermediate|old)$")
    private String profile;

    @JsonPropertyDescription("Smallest acceptable RSA key (default 2048).")
    @Min(1024)
    @Max(16384)
    private Integer minRsaBits;

    @JsonPropertyDescription("Smallest acceptable EC key (default 256).")
    @Min(160)
    @Max(521)
    private Integer minEcBits;

    @JsonPropertyDescription("Digests forbidden in certificate signatures below the trust anchor (default SHA1, MD5).")
    private List<String> forbiddenSignatureAlgorithms;

    @JsonPropertyDescription("The leaf's issuer must contain one of these (a DN or part of one, such as O=Let's Encrypt).")
    private List<String> issuers;

    @JsonPropertyDescription("Names the leaf must cover besides the server name.")
    private List<String> subjectAltNames;

    @JsonPropertyDescription("SHA-256 SPKI pins (base64); some certificate in the chain must match one.")
    private List<String> spkiPins;

    @JsonPropertyDescription("Require the server to staple an OCSP response.")
    private Boolean ocspStapling;

    @JsonPropertyDescription("Ask the CA whether certificates were revoked: None (default), OCSP (with CRL fallback) or CRL.")
    @Pattern("^(?i)(none|ocsp|crl)$")
    private String revocation;

    @JsonPropertyDescription("The served leaf must equal the certificate in this Secret.")
    private SecretMatch matchSecret;

    public String getExpiryWarning() {
        return expiryWarning;
    }

    public void setExpiryWarning(String expiryWarning) {
        this.expiryWarning = expiryWarning;
    }

    public String getExpiryCritical() {
        return expiryCritical;
    }

    public void setExpiryCritical(String expiryCritical) {
        this.expiryCritical = expiryCritical;
    }

    public String getMinProtocol() {
        return minProtocol;
    }

    public void setMinProtocol(String minProtocol) {
        this.minProtocol = minProtocol;
    }

    public String getProfile() {
        return profile;
    }

    public void setProfile(String profile) {
        this.profile = profile;
    }

    public Integer getMinRsaBits() {
        return minRsaBits;
    }

    public void setMinRsaBits(Integer minRsaBits) {
        this.minRsaBits = minRsaBits;
    }

    public Integer getMinEcBits() {
        return minEcBits;
    }

    public void setMinEcBits(Integer minEcBits) {
        this.minEcBits = minEcBits;
    }

    public List<String> getForbiddenSignatureAlgorithms() {
        return forbiddenSignatureAlgorithms;
    }

    public void setForbiddenSignatureAlgorithms(List<String> forbiddenSignatureAlgorithms) {
        this.forbiddenSignatureAlgorithms = forbiddenSignatureAlgorithms;
    }

    public List<String> getIssuers() {
        return issuers;
    }

    public void setIssuers(List<String> issuers) {
        this.issuers = issuers;
    }

    public List<String> getSubjectAltNames() {
        return subjectAltNames;
    }

    public void setSubjectAltNames(List<String> subjectAltNames) {
        this.subjectAltNames = subjectAltNames;
    }

    public List<String> getSpkiPins() {
        return spkiPins;
    }

    public void setSpkiPins(List<String> spkiPins) {
        this.spkiPins = spkiPins;
    }

    public Boolean getOcspStapling() {
        return ocspStapling;
    }

    public void setOcspStapling(Boolean ocspStapling) {
        this.ocspStapling = ocspStapling;
    }

    public String getRevocation() {
        return revocation;
    }

    public void setRevocation(String revocation) {
        this.revocation = revocation;
    }

    public SecretMatch getMatchSecret() {
        return matchSecret;
    }

    public void setMatchSecret(SecretMatch matchSecret) {
        this.matchSecret = matchSecret;
    }
}
