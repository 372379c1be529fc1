package io.tlscheck.engine.starttls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.tlscheck.engine.Endpoint;
import io.tlscheck.engine.FailureKind;
import io.tlscheck.engine.Observation;
import io.tlscheck.engine.ProbeOptions;
import io.tlscheck.engine.Prober;
import io.tlscheck.engine.StartTls;
import io.tlscheck.testing.Issued;
import io.tlscheck.testing.TestCertificates;
import io.tlscheck.testing.TestStartTlsServer;

/** Each STARTTLS dialogue against a real plain-text server that then does a real handshake. */
class StartTlsTest {
    private static Issued leaf;
    private final Prober prober = new Prober();

    @BeforeAll
    static void certificate() {
        leaf = TestCertificates.leaf("mail.test").build();
    }

    @ParameterizedTest
    @EnumSource(StartTls.class)
    void upgradesAndCapturesTheChain(StartTls protocol) throws Exception {
        try (TestStartTlsServer server = new TestStartTlsServer(protocol, leaf, false)) {
            Observation seen = prober.probe(new Endpoint("127.0.0.1", server.port(), "mail.test"),
                    ProbeOptions.DEFAULTS.withStartTls(protocol).withTimeout(Duration.ofSeconds(3)));

            assertThat(seen.failure()).as(protocol.name()).isNull();
            assertThat(seen.leaf()).isEqualTo(leaf.certificate());
            assertThat(seen.timings().startTls()).isPositive();
        }
    }

    @ParameterizedTest
    @EnumSource(StartTls.class)
    void refusalIsAStartTlsFailureQuotingTheServer(StartTls protocol) throws Exception {
        try (TestStartTlsServer server = new TestStartTlsServer(protocol, leaf, true)) {
            Observation seen = prober.probe(new Endpoint("127.0.0.1", server.port(), "mail.test"),
                    ProbeOptions.DEFAULTS.withStartTls(protocol).withTimeout(Duration.ofSeconds(3)));

            assertThat(seen.failure().kind()).as(protocol.name()).isEqualTo(FailureKind.STARTTLS_FAILED);
            assertThat(seen.servedChain()).isEmpty();
        }
    }
}
