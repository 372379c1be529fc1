package io.tlscheck.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.tlscheck.testing.Issued;
import io.tlscheck.testing.RawTcpServer;
import io.tlscheck.testing.TestCertificates;
import io.tlscheck.testing.TestTlsServer;

/** The prober against real servers on 127.0.0.1: what it captures and how it fails. */
class ProberTest {
    private static final ProbeOptions FAST = ProbeOptions.DEFAULTS.withTimeout(Duration.ofSeconds(2));
    private static Issued ca;
    private static Issued intermediate;
    private static Issued leaf;

    private final Prober prober = new Prober();

    @BeforeAll
    static void pki() {
        ca = TestCertificates.ca("Prober Root").build();
        intermediate = TestCertificates.ca("Prober Intermediate").issuedBy(ca).build();
        leaf = TestCertificates.leaf("valid.test").issuedBy(intermediate).build();
    }

    @Test
    void capturesTheChainExactlyAsServedWithProtocolAndSuite() {
        try (TestTlsServer server = TestTlsServer.serving(leaf, intermediate.certificate()).start()) {
            Observation seen = prober.probe(new Endpoint("127.0.0.1", server.port(), "valid.test"), FAST);

            assertThat(seen.failure()).isNull();
            assertThat(seen.servedChain()).containsExactly(leaf.certificate(), intermediate.certificate());
            assertThat(seen.protocol()).isEqualTo("TLSv1.3");
            assertThat(seen.cipherSuite()).startsWith("TLS_");
            assertThat(seen.address()).isEqualTo("127.0.0.1");
            assertThat(seen.timings().handshake()).isPositive();
            assertThat(seen.clientCertificateRequested()).isFalse();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void capturesAnUntrustedChainInsteadOfFailingTheHandshake() throws IOException {
        Issued selfSigned = TestCertificates.leaf("self.test").build();
        try (TestTlsServer server = TestTlsServer.serving(selfSigned).start()) {
            Observation seen = prober.probe(new Endpoint("127.0.0.1", server.port(), "other.test"), FAST);

            assertThat(seen.succeeded()).isTrue();
            assertThat(seen.leaf()).isEqualTo(selfSigned.certificate());
        }
    }

    @Test
    void negotiatesTls10WhenThatIsAllTheServerSpeaks() throws IOException {
        try (TestTlsServer server = TestTlsServer.serving(leaf, intermediate.certificate()).protocols("TLSv1").start()) {
            Observation seen = prober.probe(new Endpoint("127.0.0.1", server.port(), "valid.test"), FAST);

            assertThat(seen.failure()).isNull();
            assertThat(seen.protocol()).isEqualTo("TLSv1");
        }
    }

    @Test
    void forcedProtocolTheServerLacksIsNoCommonProtocol() throws IOException {
        try (TestTlsServer server = TestTlsServer.serving(leaf).protocols("TLSv1.2").start()) {
            Observation seen = prober.probe(new Endpoint("127.0.0.1", server.port(), "valid.test"),
                    FAST.withProtocols(List.of("TLSv1.3")));

            assertThat(seen.failure().kind()).isEqualTo(FailureKind.NO_COMMON_PROTOCOL);
        }
    }

    @Test
    void refusedConnection() throws IOException {
        int port;
        try (ServerSocket closed = new ServerSocket(0)) {
            port = closed.getLocalPort();
        }
        Observation seen = prober.probe(new Endpoint("127.0.0.1", port, "valid.test"), FAST);

        assertThat(seen.failure().kind()).isEqualTo(FailureKind.CONNECTION_REFUSED);
        assertThat(seen.failure().message()).contains("connection refused by 127.0.0.1:" + port);
    }

    @Test
    void unresolvableNameIsADnsFailure() {
        Observation seen = prober.probe(new Endpoint("no-such-host.invalid", 443, "no-such-host.invalid"), FAST);

        assertThat(seen.failure().kind()).isEqualTo(FailureKind.DNS_FAILURE);
    }

    @Test
    void silentPeerIsAHandshakeTimeoutWithinTheBudget() throws IOException {
        try (RawTcpServer server = new RawTcpServer(RawTcpServer.Behaviour.SILENT)) {
            Observation seen = prober.probe(new Endpoint("127.0.0.1", server.port(), "valid.test"),
                    ProbeOptions.DEFAULTS.withTimeout(Duration.ofMillis(500)));

            assertThat(seen.failure().kind()).isEqualTo(FailureKind.HANDSHAKE_TIMEOUT);
            assertThat(seen.timings().total()).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void drippingPeerIsCutOffAtTheDeadline() throws IOException {
        try (RawTcpServer server = new RawTcpServer(RawTcpServer.Behaviour.DRIP)) {
            Observation seen = prober.probe(new Endpoint("127.0.0.1", server.port(), "valid.test"),
                    ProbeOptions.DEFAULTS.withTimeout(Duration.ofMillis(800)));

            assertThat(seen.failure().kind()).isEqualTo(FailureKind.HANDSHAKE_TIMEOUT);
            assertThat(seen.timings().total()).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void garbageIsNotTls() throws IOException {
        try (RawTcpServer server = new RawTcpServer(RawTcpServer.Behaviour.GARBAGE)) {
            Observation seen = prober.probe(new Endpoint("127.0.0.1", server.port(), "valid.test"), FAST);

            assertThat(seen.failure().kind()).isEqualTo(FailureKind.NOT_TLS);
        }
    }

    @Test
    void plainHttpIsNotTls() throws IOException {
        try (RawTcpServer server = new RawTcpServer(RawTcpServer.Behaviour.PLAIN_HTTP)) {
            Observation seen = prober.probe(new Endpoint("127.0.0.1", server.port(), "valid.test"), FAST);

            assertThat(seen.failure().kind()).isEqualTo(FailureKind.NOT_TLS);
        }
    }

    @Test
    void peerThatHangsUpIsAReset() throws IOException {
        try (RawTcpServer server = new RawTcpServer(RawTcpServer.Behaviour.CLOSE_IMMEDIATELY)) {
            Observation seen = prober.probe(new Endpoint("127.0.0.1", server.port(), "valid.test"), FAST);

            assertThat(seen.failure().kind()).isEqualTo(FailureKind.CONNECTION_RESET);
        }
    }

    @Test
    void tls13ServerThatRejectsAMissingClientCertificateAfterTheHandshakeIsCaught() throws IOException {
        Issued clientCa = TestCertificates.ca("Client CA").build();
        try (TestTlsServer server = TestTlsServer.serving(leaf, intermediate.certificate())
                .requireClientCertificate(clientCa.certificate()).start()) {
            Observation seen = prober.probe(new Endpoint("127.0.0.1", server.port(), "valid.test"), FAST);

            assertThat(seen.clientCertificateRequested()).isTrue();
            assertThat(seen.failure().kind()).isEqualTo(FailureKind.CLIENT_CERTIFICATE_REJECTED);
            assertThat(seen.servedChain()).contains(leaf.certificate());
        }
    }

    @Test
    void clientCertificateIsPresentedAndAccepted() throws IOException {
        Issued clientCa = TestCertificates.ca("Client CA").build();
        Issued client = TestCertificates.withSubject("CN=tlscheck client").issuedBy(clientCa)
                .extendedKeyUsage(org.bouncycastle.asn1.x509.KeyPurposeId.id_kp_clientAuth).build();
        try (TestTlsServer server = TestTlsServer.serving(leaf, intermediate.certificate())
                .requireClientCertificate(clientCa.certificate()).start()) {
            ProbeOptions withClient = FAST.withClientCredentials(
                    new ClientCredentials(List.of(client.certificate()), client.keyPair().getPrivate()));
            Observation seen = prober.probe(new Endpoint("127.0.0.1", server.port(), "valid.test"), withClient);

            assertThat(seen.failure()).isNull();
            assertThat(seen.clientCertificateRequested()).isTrue();
        }
    }

    @Test
    void ipLiteralWithoutServerNameSendsNoSni() throws IOException {
        try (TestTlsServer server = TestTlsServer.serving(leaf).start()) {
            Endpoint endpoint = new Endpoint("127.0.0.1", server.port(), null);
            Observation seen = prober.probe(endpoint, FAST);

            assertThat(endpoint.sendsSni()).isFalse();
            assertThat(endpoint.verifiedName()).isEqualTo("127.0.0.1");
            assertThat(seen.succeeded()).isTrue();
        }
    }

    @Test
    void hugeChainIsRefusedQuicklyWithAClearMessage() throws IOException {
        java.util.List<java.security.cert.X509Certificate> chain = new java.util.ArrayList<>();
        chain.add(leaf.certificate());
        Issued previous = ca;
        for (int i = 0; i < 30; i++) {
            Issued next = TestCertificates.ca("Filler " + i).issuedBy(previous).build();
            chain.add(next.certificate());
            previous = next;
        }
        try (TestTlsServer server = TestTlsServer.serving(leaf)
                .chain(chain.toArray(java.security.cert.X509Certificate[]::new)).start()) {
            Observation seen = prober.probe(new Endpoint("127.0.0.1", server.port(), "valid.test"), FAST);

            assertThat(seen.failure()).isNotNull();
            assertThat(seen.failure().message()).contains("chain");
            assertThat(seen.timings().total()).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void negotiatesAlpn() throws IOException {
        try (TestTlsServer server = TestTlsServer.serving(leaf).alpn("h2", "http/1.1").start()) {
            Observation seen = prober.probe(new Endpoint("127.0.0.1", server.port(), "valid.test"),
                    FAST.withAlpn(List.of("http/1.1", "h2")));

            assertThat(seen.failure()).isNull();
            assertThat(seen.alpn()).isIn("h2", "http/1.1");
        }
    }

    @Test
    void noAlpnOfferedMeansNoneNegotiated() throws IOException {
        try (TestTlsServer server = TestTlsServer.serving(leaf).alpn("h2").start()) {
            Observation seen = prober.probe(new Endpoint("127.0.0.1", server.port(), "valid.test"), FAST);

            assertThat(seen.alpn()).isNull();
        }
    }

    @Test
    void addressPolicyIsAppliedAfterDnsAndNoConnectionIsMade() throws IOException {
        try (TestTlsServer server = TestTlsServer.serving(leaf).start()) {
            Prober guarded = new Prober(java.time.Clock.systemUTC(),
                    (host, address) -> address.isLoopbackAddress()
                            ? java.util.Optional.of(host + " resolves to " + address.getHostAddress() + ", a loopback address")
                            : java.util.Optional.empty());
            Observation seen = guarded.probe(new Endpoint("localhost", server.port(), "valid.test"), FAST);

            assertThat(seen.failure().kind()).isEqualTo(FailureKind.TARGET_NOT_ALLOWED);
            assertThat(seen.failure().message()).startsWith("localhost resolves to ");
            assertThat(server.handshakes()).isZero();
        }
    }
}
