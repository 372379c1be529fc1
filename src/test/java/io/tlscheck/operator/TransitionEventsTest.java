package io.tlscheck.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tlscheck.api.v1alpha1.CertificateInfo;
import io.tlscheck.api.v1alpha1.EndpointStatus;
import io.tlscheck.api.v1alpha1.TlsCheck;
import io.tlscheck.api.v1alpha1.TlsCheckStatus;
import io.tlscheck.operator.TransitionEvents.Event;

class TransitionEventsTest {
    private static final String OLD_LEAF = "AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99";
    private static final String NEW_LEAF = "11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00";

    @Test
    void aFirstFailureIsAWarningWithItsReason() {
        TlsCheckStatus failing = status("Failing", "HostnameMismatch", "www.shop.example is not among [shop.example]");

        assertThat(TransitionEvents.between(null, failing)).containsExactly(
                new Event(Event.WARNING, "HostnameMismatch", "www.shop.example is not among [shop.example]"));
        assertThat(TransitionEvents.between(status("Healthy", "Healthy", "ok"), failing))
                .extracting(Event::type, Event::reason).containsExactly(tuple(
                        Event.WARNING, "HostnameMismatch"));
    }

    @Test
    void theSameFailureAgainIsNoEvent() {
        assertThat(TransitionEvents.between(status("Failing", "CertificateExpired", "expired"),
                status("Failing", "CertificateExpired", "expired"))).isEmpty();
    }

    @Test
    void aDifferentFailureIsANewWarning() {
        assertThat(TransitionEvents.between(status("Failing", "CertificateExpired", "expired"),
                status("Failing", "UntrustedChain", "untrusted"))).extracting(Event::reason)
                .containsExactly("UntrustedChain");
    }

    @Test
    void gettingBackToHealthyIsRecovered() {
        assertThat(TransitionEvents.between(status("Failing", "CertificateExpired", "expired"),
                status("Healthy", "Healthy", "valid until 2030-01-01")))
                .containsExactly(new Event(Event.NORMAL, "Recovered", "valid until 2030-01-01"));
    }

    @Test
    void aFirstHealthyResultOrAStillHealthyOneIsNoEvent() {
        assertThat(TransitionEvents.between(null, status("Healthy", "Healthy", "ok"))).isEmpty();
        assertThat(TransitionEvents.between(status("Healthy", "Healthy", "ok"), status("Healthy", "Healthy", "ok")))
                .isEmpty();
    }

    @Test
    void suspendingAFailingCheckIsNoWarning() {
        TlsCheck check = TestTlsChecks.of(TestTlsChecks.host("shop.example"));
        check.setStatus(status("Failing", "CertificateExpired", "expired"));
        TlsCheckStatus suspended = new StatusBuilder(check, Instant.now(), 10).suspended("shop.example:443");

        assertThat(TransitionEvents.between(check.getStatus(), suspended)).isEmpty();
    }

    @Test
    void aNewLeafOnTheSameEndpointIsARotation() {
        TlsCheckStatus before = withEndpoint(status("Healthy", "Healthy", "ok"), "10.0.0.1", OLD_LEAF, "2026-01-01T00:00:00Z");
        TlsCheckStatus after = withEndpoint(status("Healthy", "Healthy", "ok"), "10.0.0.1", NEW_LEAF, "2026-04-01T00:00:00Z");

        List<Event> events = TransitionEvents.between(before, after);

        assertThat(events).extracting(Event::type, Event::reason)
                .containsExactly(tuple(Event.NORMAL, "CertificateRotated"));
        assertThat(events.get(0).message()).contains("10.0.0.1:8443", "www.shop.example", "2026-04-01T00:00:00Z",
                "2026-01-01T00:00:00Z", NEW_LEAF.substring(0, 23));
    }

    @Test
    void aLeafOnAnotherEndpointIsNoRotation() {
        TlsCheckStatus before = withEndpoint(status("Healthy", "Healthy", "ok"), "10.0.0.1", OLD_LEAF, "2026-01-01T00:00:00Z");
        TlsCheckStatus after = withEndpoint(status("Healthy", "Healthy", "ok"), "10.0.0.2", NEW_LEAF, "2026-04-01T00:00:00Z");

        assertThat(TransitionEvents.between(before, after)).isEmpty();
    }

    private static TlsCheckStatus status(String verdict, String reason, String message) {
        TlsCheckStatus status = new TlsCheckStatus();
        status.setVerdict(verdict);
        status.setReason(reason);
        status.setMessage(message);
        return status;
    }

    private static TlsCheckStatus withEndpoint(TlsCheckStatus status, String address, String sha256, String notAfter) {
        CertificateInfo leaf = new CertificateInfo();
        leaf.setSha256(sha256);
        leaf.setNotAfter(notAfter);
        EndpointStatus endpoint = new EndpointStatus();
        endpoint.setAddress(address);
        endpoint.setPort(8443);
        endpoint.setServerName("www.shop.example");
        endpoint.setLeaf(leaf);
        status.setEndpoints(List.of(endpoint));
        return status;
    }
}
