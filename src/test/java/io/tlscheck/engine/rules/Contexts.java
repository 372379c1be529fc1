package io.tlscheck.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tlscheck.engine.Endpoint;
import io.tlscheck.engine.Expectations;
import io.tlscheck.engine.Finding;
import io.tlscheck.engine.Observation;
import io.tlscheck.engine.Timings;
import io.tlscheck.engine.TrustAnchors;
import io.tlscheck.engine.chain.ChainBuilder;
import io.tlscheck.engine.enumerate.EnumerationResult;
import io.tlscheck.engine.revocation.RevocationResult;
import io.tlscheck.testing.Issued;
import io.tlscheck.testing.TestCertificates;

/**
 * Builds the {@link CheckContext} the inspector would after a handshake, from certificates
 * generated at test time:
 * {@code Contexts.trusted(Contexts.leaf("valid.test").build()).negotiated("TLSv1.2", suite).build()}.
 *
 * <p>Checks are judged at the fixed instant {@link #NOW}; the shared root and intermediate are
 * valid for years around it, and {@link #leaf} certificates from 30 days before to 60 after, so
 * only the validity a test sets itself can trip the validity rules.
 */
final class Contexts {
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    static final String NAME = "valid.test";

    private final List<X509Certificate> served;
    private final List<X509Certificate> anchors = new ArrayList<>();
    private Expectations want = Expectations.DEFAULTS;
    private String serverName = NAME;
    private String protocol = "TLSv1.3";
    private String cipherSuite = "TLS_AES_128_GCM_SHA256";
    private List<byte[]> stapled = List.of();
    private List<RevocationResult> revocation = List.of();
    private EnumerationResult enumeration;
    private Instant now = NOW;

    private Contexts(List<X509Certificate> served) {
        this.served = served;
    }

    /**
     * Built once per test JVM: the CA certificates every test shares. Their keys are their own,
     * not from the pool, so no leaf can share a key (and an SPKI pin) with them.
     */
    private static final class Pki {
        static final Issued ROOT = TestCertificates.ca("Test Root").freshKey()
                .validFor(NOW.minus(days(3650)), NOW.plus(days(3650))).build();
        static final Issued INTERMEDIATE = TestCertificates.ca("Test Intermediate").freshKey().issuedBy(ROOT)
                .validFor(NOW.minus(days(1000)), NOW.plus(days(1000))).build();
    }

    static Issued root() {
        return Pki.ROOT;
    }

    static Issued intermediate() {
        return Pki.INTERMEDIATE;
    }

    /** A server certificate issued by {@link #intermediate()}, valid from 30 days before {@link #NOW} to 60 after. */
    static TestCertificates leaf(String dnsName) {
        return TestCertificates.leaf(dnsName).issuedBy(intermediate())
                .validFor(NOW.minus(days(30)), NOW.plus(days(60)));
    }

    /** A {@link #leaf} for {@link #NAME} valid from 90 days before {@link #NOW} until {@code notAfter}. */
    static Issued leafUntil(Instant notAfter) {
        return leaf(NAME).validFor(NOW.minus(days(90)), notAfter).build();
    }

    /** An intermediate CA under {@link #root()}, valid for years around {@link #NOW}. */
    static TestCertificates intermediateCa(String commonName) {
        return TestCertificates.ca(commonName).issuedBy(root())
                .validFor(NOW.minus(days(1000)), NOW.plus(days(1000)));
    }

    static Duration days(long days) {
        return Duration.ofDays(days);
    }

    /** The usual healthy case: the leaf and the intermediate served in order, the root trusted. */
    static Contexts trusted(Issued leaf) {
        return served(leaf, intermediate()).trusting(root());
    }

    /** Certificates exactly as the server sent them, leaf first; nothing trusted yet. */
    static Contexts served(Issued... chain) {
        return new Contexts(Arrays.stream(chain).map(Issued::certificate).toList());
    }

    Contexts trusting(Issued... trusted) {
        Arrays.stream(trusted).map(Issued::certificate).forEach(anchors::add);
        return this;
    }

    Contexts want(Expectations value) {
        this.want = value;
        return this;
    }

    Contexts serverName(String value) {
        this.serverName = value;
        return this;
    }

    Contexts negotiated(String protocolName, String suite) {
        this.protocol = protocolName;
        this.cipherSuite = suite;
        return this;
    }

    Contexts stapled(byte[]... responses) {
        this.stapled = List.of(responses);
        return this;
    }

    Contexts revocation(RevocationResult... results) {
        this.revocation = List.of(results);
        return this;
    }

    /** Accepted versions, oldest first, each with its suites, as the enumerator reports them. */
    Contexts enumerated(Map<String, List<String>> suitesByProtocol) {
        this.enumeration = new EnumerationResult(suitesByProtocol, true);
        return this;
    }

    Contexts at(Instant instant) {
        this.now = instant;
        return this;
    }

    CheckContext build() {
        Observation seen = new Observation(new Endpoint("127.0.0.1", 8443, serverName), now, "127.0.0.1", served,
                protocol, cipherSuite, null, stapled, false, Timings.NONE, null);
        var path = new ChainBuilder(TrustAnchors.of(false, anchors)).build(served);
        return new CheckContext(seen, want, path, revocation, enumeration, now);
    }

    /** Runs the rule and returns its finding, checking that it carries the rule's own metadata. */
    static Finding finding(Rule rule, Contexts context) {
        Optional<Finding> finding = rule.evaluate(context.build());
        assertThat(finding).as("finding of %s", rule.info().id()).isPresent();
        Finding found = finding.get();
        assertThat(found.id()).isEqualTo(rule.info().id());
        assertThat(found.severity()).isEqualTo(rule.info().severity());
        assertThat(found.reason()).isEqualTo(rule.info().reason());
        assertThat(found.remedy()).isEqualTo(rule.info().remedy());
        return found;
    }

    /** Asserts that the rule stays silent. */
    static void silent(Rule rule, Contexts context) {
        assertThat(rule.evaluate(context.build())).as("finding of %s", rule.info().id()).isEmpty();
    }
}
