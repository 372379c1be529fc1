package io.tlscheck.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.net.SocketException;
import java.time.Duration;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.Test;

/**
 * The rejection of a client certificate by a TLS 1.3 server arrives after the handshake, in
 * whatever shape the timing gives it; the real-server side of this is in ProberTest.
 */
class FailureClassifierTest {
    private static final Endpoint ENDPOINT = new Endpoint("127.0.0.1", 8443, "mtls.test");
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static ProbeFailure classify(Throwable error, ProbePhase phase) {
        return FailureClassifier.classify(error, phase, ENDPOINT, TIMEOUT, false);
    }

    @Test
    void everyWayASessionEndsRightAfterTheHandshakeIsARejectedClientCertificate() {
        for (Throwable error : new Throwable[] {
                new SSLException("Received fatal alert: certificate_required"),
                new SSLException("Received fatal alert: bad_certificate"),
                new SocketException("Broken pipe"),
                new SocketException("Connection reset"),
                new EOFException(),
                new SSLException("Connection reset", new SocketException("Connection reset")),
                new SSLException((String) null)}) {
            assertThat(classify(error, ProbePhase.CONFIRM).kind()).as(error.toString())
                    .isEqualTo(FailureKind.CLIENT_CERTIFICATE_REJECTED);
        }
    }

    @Test
    void theAlertIsNamedWhenTheServerSentOne() {
        assertThat(classify(new SSLException("Received fatal alert: unknown_ca"), ProbePhase.CONFIRM).message())
                .contains("unknown_ca");
    }

    @Test
    void aResetDuringTheHandshakeItselfIsNoVerdictOnTheClientCertificate() {
        assertThat(classify(new SocketException("Connection reset"), ProbePhase.HANDSHAKE).kind())
                .isEqualTo(FailureKind.CONNECTION_RESET);
        assertThat(classify(new SSLHandshakeException("Received fatal alert: handshake_failure"), ProbePhase.HANDSHAKE).kind())
                .isEqualTo(FailureKind.TLS_ALERT);
    }

    @Test
    void silenceUntilTheDeadlineIsATimeoutNotARejection() {
        assertThat(FailureClassifier.classify(new SocketException("Socket closed"), ProbePhase.CONFIRM, ENDPOINT,
                TIMEOUT, true).kind()).isEqualTo(FailureKind.HANDSHAKE_TIMEOUT);
    }
}
