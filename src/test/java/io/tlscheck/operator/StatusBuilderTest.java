package io.tlscheck.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.Condition;
import io.tlscheck.api.v1alpha1.EndpointStatus;
import io.tlscheck.api.v1alpha1.TlsCheck;
import io.tlscheck.api.v1alpha1.TlsCheckStatus;
import io.tlscheck.engine.CheckRequest;
import io.tlscheck.engine.Certificates;
import io.tlscheck.engine.Endpoint;
import io.tlscheck.engine.ExpectedLeaf;
import io.tlscheck.engine.Expectations;
import io.tlscheck.engine.Inspector;
import io.tlscheck.engine.ProbeOptions;
import io.tlscheck.engine.TrustAnchors;
import io.tlscheck.engine.revocation.RevocationChecker;
import io.tlscheck.testing.Issued;
import io.tlscheck.testing.TestCertificates;
import io.tlscheck.testing.TestTlsServer;

/** Statuses built from real checks of TLS servers on 127.0.0.1. */
class StatusBuilderTest {
    private static final String NAME = "web.shop.svc";
    private static final Issued CA = TestCertificates.ca("Shop CA").ec(256).build();
    private static final Issued CURRENT = TestCertificates.leaf(NAME).ec(256).issuedBy(CA)
            .expiresIn(Duration.ofDays(90)).build();
    private static final Issued PREVIOUS = TestCertificates.leaf(NAME).ec(256).issuedBy(CA)
            .expiresIn(Duration.ofDays(40)).build();
    private static final Expectations SERVE_CURRENT = Expectations.DEFAULTS
            .withExpectedLeaf(ExpectedLeaf.of("Secret shop/web-tls", CURRENT.certificate()));
    private static final Inspector INSPECTOR = Inspector.withDefaults(RevocationChecker.NONE);

    private static TestTlsServer server;
    private static TestTlsServer staleServer;

    private final TlsCheck check = TestTlsChecks.of(TestTlsChecks.host("127.0.0.1"));
    private final Instant now = Instant.now();

    @BeforeAll
    static void startServers() {
        server = TestTlsServer.serving(CURRENT).start();
        staleServer = TestTlsServer.serving(PREVIOUS).start();
    }

    @AfterAll
    static void stopServers() throws Exception {
        server.close();
        staleServer.close();
    }

    @Test
    void aHealthyEndpointIsReadyWithEveryAspectTrue() {
        TlsCheckStatus status = build(now, run(probe(server.port(), NAME, null, Expectations.DEFAULTS)), false, false);

        assertThat(status.getVerdict()).isEqualTo("Healthy");
        assertThat(status.getReason()).isEqualTo("Healthy");
        assertThat(status.getObservedGeneration()).isEqualTo(3L);
        assertThat(status.getConditions()).extracting(Condition::getType, Condition::getStatus, Condition::getReason)
                .containsExactly(tuple("Ready", "True", "Healthy"),
                        tuple("Handshake", "True", "HandshakeSucceeded"),
                        tuple("Trusted", "True", "ChainTrusted"),
                        tuple("HostnameMatches", "True", "HostnameMatches"),
                        tuple("Valid", "True", "WithinValidity"),
                        tuple("PolicyCompliant", "True", "PolicyCompliant"));
        assertThat(status.getConditions()).allSatisfy(c -> {
            assertThat(c.getLastTransitionTime()).isEqualTo(now.toString());
            assertThat(c.getObservedGeneration()).isEqualTo(3L);
        });
        assertThat(status.getNotAfter()).isEqualTo(CURRENT.certificate().getNotAfter().toInstant().toString());
        assertThat(status.getExpiresIn()).isEqualTo("89d");
        assertThat(status.getProtocol()).isEqualTo("TLSv1.3");

        EndpointStatus endpoint = status.getEndpoints().get(0);
        assertThat(endpoint.getAddress()).isEqualTo("127.0.0.1");
        assertThat(endpoint.getPort()).isEqualTo(server.port());
        assertThat(endpoint.getServerName()).isEqualTo(NAME);
        assertThat(endpoint.getLeaf().getSha256()).isEqualTo(Certificates.sha256Fingerprint(CURRENT.certificate()));
        assertThat(endpoint.getChain()).hasSize(1);
        assertThat(endpoint.getFindings()).isEmpty();
    }

    @Test
    void revocationAndSecretConditionsAppearWhenAskedFor() {
        TlsCheckStatus status = build(now, run(probe(server.port(), NAME, null, SERVE_CURRENT)), true, true);

        assertThat(status.getConditions()).extracting(Condition::getType, Condition::getStatus, Condition::getReason)
                .contains(tuple("NotRevoked", "True", "NotRevoked"),
                        tuple("SecretMatches", "True", "ServedCertificateMatchesSecret"));
    }

    @Test
    void aHostnameMismatchFailsReadyAndHostnameMatchesOnly() {
        TlsCheckStatus status = build(now, run(probe(server.port(), "www.shop.example", null, Expectations.DEFAULTS)),
                false, false);

        assertThat(status.getVerdict()).isEqualTo("Failing");
        assertThat(condition(status, "Ready")).extracting(Condition::getStatus, Condition::getReason)
                .containsExactly("False", "HostnameMismatch");
        assertThat(condition(status, "HostnameMatches")).extracting(Condition::getStatus, Condition::getReason)
                .containsExactly("False", "HostnameMismatch");
        assertThat(condition(status, "HostnameMatches").getMessage()).contains("www.shop.example");
        assertThat(condition(status, "Trusted").getStatus()).isEqualTo("True");
    }

    @Test
    void oneReplicaServingAStaleCertificateFailsTheCheckAndIsNamed() {
        CheckRun run = run(probe(server.port(), NAME, "web-1", SERVE_CURRENT),
                probe(staleServer.port(), NAME, "web-2", SERVE_CURRENT));

        TlsCheckStatus status = build(now, run, false, true);

        String stale = "127.0.0.1:" + staleServer.port() + " (pod web-2): ";
        assertThat(status.getVerdict()).isEqualTo("Failing");
        assertThat(status.getReason()).isEqualTo("ServedCertificateStale");
        assertThat(status.getMessage()).startsWith(stale);
        assertThat(condition(status, "Ready")).extracting(Condition::getStatus, Condition::getReason)
                .containsExactly("False", "ServedCertificateStale");
        assertThat(condition(status, "SecretMatches").getStatus()).isEqualTo("False");
        assertThat(condition(status, "SecretMatches").getMessage()).startsWith(stale);
        assertThat(status.getEndpoints()).extracting(EndpointStatus::getPod, EndpointStatus::getVerdict)
                .containsExactly(tuple("web-2", "Failing"), tuple("web-1", "Healthy"));
        assertThat(status.getNotAfter()).isEqualTo(PREVIOUS.certificate().getNotAfter().toInstant().toString());
        assertThat(status.getExpiresIn()).isEqualTo("39d");
    }

    @Test
    void aFailedHandshakeLeavesTheOtherAspectsUnknown() throws Exception {
        TlsCheckStatus status = build(now, run(probe(closedPort(), NAME, null, Expectations.DEFAULTS)), false, false);

        assertThat(status.getVerdict()).isEqualTo("Unknown");
        assertThat(status.getConditions()).extracting(Condition::getType, Condition::getStatus, Condition::getReason)
                .containsExactly(tuple("Ready", "False", "ConnectionRefused"),
                        tuple("Stalled", "True", "ConnectionRefused"),
                        tuple("Handshake", "False", "ConnectionRefused"),
                        tuple("Trusted", "Unknown", "HandshakeFailed"),
                        tuple("HostnameMatches", "Unknown", "HandshakeFailed"),
                        tuple("Valid", "Unknown", "HandshakeFailed"),
                        tuple("PolicyCompliant", "Unknown", "HandshakeFailed"));
        assertThat(status.getNotAfter()).isNull();
        assertThat(status.getProtocol()).isNull();
        assertThat(status.getEndpoints().get(0).getLeaf()).isNull();
    }

    @Test
    void anUnresolvedTargetIsNotReadyWithItsReason() {
        TlsCheckStatus status = new StatusBuilder(check, now, 10).unresolved(
                Resolution.unresolved("service/web", "ServiceNotFound", "Service web not found in namespace shop"));

        assertThat(status.getTarget()).isEqualTo("service/web");
        assertThat(status.getVerdict()).isEqualTo("Unknown");
        assertThat(status.getReason()).isEqualTo("ServiceNotFound");
        assertThat(status.getConditions()).extracting(Condition::getType, Condition::getStatus, Condition::getReason,
                Condition::getMessage).containsExactly(
                tuple("Ready", "False", "ServiceNotFound", "Service web not found in namespace shop"),
                tuple("Stalled", "True", "ServiceNotFound", "Service web not found in namespace shop"));
    }

    @Test
    void stalledMirrorsReadyFalseForKstatusAndIsAbsentWhileReady() throws Exception {
        TlsCheckStatus failing = build(now, run(probe(closedPort(), NAME, null, Expectations.DEFAULTS)), false, false);
        Condition stalled = failing.getConditions().stream().filter(c -> c.getType().equals("Stalled")).findFirst().orElseThrow();
        Condition ready = failing.getConditions().get(0);

        assertThat(stalled.getStatus()).isEqualTo("True");
        assertThat(stalled.getReason()).isEqualTo(ready.getReason());
        assertThat(stalled.getMessage()).isEqualTo(ready.getMessage());
        TlsCheckStatus suspended = new StatusBuilder(check, now, 10).suspended("service/web");
        assertThat(suspended.getConditions()).extracting(Condition::getType).containsExactly("Ready");
    }

    @Test
    void aHugeMessageIsCutToTheSameBoundInStatusAsInItsCondition() {
        String huge = "spec is invalid: " + "x".repeat(10_000);
        TlsCheckStatus status = new StatusBuilder(check, now, 10).unresolved(
                Resolution.unresolved("", "InvalidSpec", huge));

        assertThat(status.getMessage()).hasSize(ConditionSet.MAX_MESSAGE).endsWith("...")
                .isEqualTo(status.getConditions().get(0).getMessage());
    }

    @Test
    void aConditionKeepsItsTransitionTimeUntilItsStatusChanges() {
        CheckRun healthy = run(probe(server.port(), NAME, null, Expectations.DEFAULTS));
        CheckRun mismatch = run(probe(server.port(), "www.shop.example", null, Expectations.DEFAULTS));
        Instant later = now.plusSeconds(300);
        Instant evenLater = now.plusSeconds(600);

        check.setStatus(build(now, healthy, false, false));
        check.setStatus(build(later, mismatch, false, false));

        assertThat(condition(check.getStatus(), "Ready").getLastTransitionTime()).isEqualTo(later.toString());
        assertThat(condition(check.getStatus(), "HostnameMatches").getLastTransitionTime()).isEqualTo(later.toString());
        assertThat(condition(check.getStatus(), "Trusted").getLastTransitionTime()).isEqualTo(now.toString());

        check.setStatus(build(evenLater, mismatch, false, false));

        assertThat(condition(check.getStatus(), "Ready").getLastTransitionTime()).isEqualTo(later.toString());
    }

    @Test
    void aSteadyStateBuildsTheSameStatus() {
        ObjectMapper json = new ObjectMapper();
        CheckRun first = run(probe(server.port(), NAME, "web-1", SERVE_CURRENT),
                probe(staleServer.port(), NAME, "web-2", SERVE_CURRENT));
        CheckRun second = run(probe(staleServer.port(), NAME, "web-2", SERVE_CURRENT),
                probe(server.port(), NAME, "web-1", SERVE_CURRENT));

        TlsCheckStatus before = build(now, first, false, true);
        JsonNode expected = json.valueToTree(before);
        assertThat((JsonNode) json.valueToTree(build(now, first, false, true))).isEqualTo(expected);

        check.setStatus(before);
        assertThat((JsonNode) json.valueToTree(build(now.plusSeconds(300), second, false, true))).isEqualTo(expected);
    }

    private TlsCheckStatus build(Instant at, CheckRun run, boolean revocationAsked, boolean comparesSecret) {
        return new StatusBuilder(check, at, 10).of("service/web", run, null, revocationAsked, comparesSecret);
    }

    private static Condition condition(TlsCheckStatus status, String type) {
        return status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst().orElseThrow();
    }

    private static EndpointResult probe(int port, String serverName, String pod, Expectations want) {
        Endpoint endpoint = new Endpoint("127.0.0.1", port, serverName);
        CheckRequest request = CheckRequest.of(endpoint, ProbeOptions.DEFAULTS.withTimeout(Duration.ofSeconds(5)), want,
                TrustAnchors.of(false, List.of(CA.certificate())));
        return new EndpointResult(new PlannedEndpoint(endpoint, pod, null), INSPECTOR.inspect(request));
    }

    private static CheckRun run(EndpointResult... results) {
        return new CheckRun("plan", Instant.now(), Duration.ofMillis(20), List.of(results));
    }

    /** A loopback port nothing listens on: connecting is refused at once. */
    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
