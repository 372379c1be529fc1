package io.tlscheck.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.tlscheck.api.v1alpha1.TlsCheck;
import io.tlscheck.engine.Pem;
import io.tlscheck.testing.HealthSeen;
import io.tlscheck.testing.Issued;
import io.tlscheck.testing.OperatorProcess;
import io.tlscheck.testing.TestCertificates;
import io.tlscheck.testing.TestTlsServer;
import io.tlscheck.testing.KubePlane;
import io.tlscheck.testing.kube.ControlPlane;
import io.tlscheck.testing.kube.WithControlPlane;

/**
 * What Argo CD (the Lua health check in {@code gitops/argocd/}), kstatus (Flux, {@code kpt})
 * and {@code kubectl wait} conclude about TlsChecks whose status the real operator wrote on a
 * real API server, read back as JSON with kubectl: the objects a GitOps tool actually sees.
 *
 * <p>The operator watches one namespace only; TlsChecks in a second namespace keep no status
 * (or a status copied there), which is how "not checked yet" and "a spec newer than its status"
 * are held still long enough to look at.
 */
@WithControlPlane
class GitOpsHealthIT {
    private static final Duration AWAIT = Duration.ofSeconds(60);

    private static ControlPlane plane;
    private static KubernetesClient client;
    private static String watched;
    private static String unwatched;
    private static TestTlsServer valid;
    private static TestTlsServer expiring;
    private static TestTlsServer expired;
    private static OperatorProcess operator;

    @BeforeAll
    static void start(ControlPlane controlPlane) throws Exception {
        plane = controlPlane;
        client = plane.client();
        KubePlane.applyCrd();

        watched = plane.newNamespace("it-gitops");
        unwatched = plane.newNamespace("it-gitops-idle");
        Issued ca = TestCertificates.ca("GitOps IT Root").ec(256).build();
        client.configMaps().inNamespace(watched).resource(new ConfigMapBuilder().withNewMetadata().withName("test-ca")
                .endMetadata().withData(Map.of("ca.crt", Pem.write(ca.certificate()))).build()).create();
        valid = TestTlsServer.serving(TestCertificates.leaf("app.test").ec(256).issuedBy(ca)
                .expiresIn(Duration.ofDays(90)).build()).start();
        // Inside the default 30d expiryWarning window, outside the 7d expiryCritical one.
        expiring = TestTlsServer.serving(TestCertificates.leaf("app.test").ec(256).issuedBy(ca)
                .expiresIn(Duration.ofDays(20)).build()).start();
        expired = TestTlsServer.serving(TestCertificates.leaf("app.test").ec(256).issuedBy(ca)
                .expiresIn(Duration.ofDays(-2)).build()).start();

        operator = OperatorProcess.start(plane.kubeconfig(), Map.of("QUARKUS_OPERATOR_SDK_NAMESPACES", watched));
        // Created after the operator started, so each is checked at once (existing checks are
        // spread over the first minute after a start).
        create(watched, hostCheck("healthy", valid.port(), "app.test"));
        create(watched, hostCheck("warning", expiring.port(), "app.test"));
        create(watched, hostCheck("expired", expired.port(), "app.test"));
        create(watched, hostCheck("mismatch", valid.port(), "other.test"));
        create(watched, hostCheck("paused", valid.port(), "app.test"));
        create(watched, """
                apiVersion: tlscheck.io/v1alpha1
                kind: TlsCheck
                metadata: {name: no-service}
                spec:
                  service: {name: web, port: https}
                """);
        create(unwatched, hostCheck("fresh", valid.port(), "app.test"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (operator != null) {
            operator.close();
        }
        // The plane is shared: an operator of a later test (watching every namespace) must not
        // find these and check servers that are gone. Namespaces stay Terminating here (no
        // controller-manager), so their TlsChecks are deleted one by one.
        for (String namespace : new String[] {watched, unwatched}) {
            if (namespace != null) {
                client.resources(TlsCheck.class).inNamespace(namespace).delete();
            }
        }
        for (TestTlsServer server : new TestTlsServer[] {valid, expiring, expired}) {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    void aTlsCheckWithoutStatusIsProgressingForArgoButCurrentForKstatus() {
        Seen fresh = seen(unwatched, "fresh");
        assertThat(fresh.json()).doesNotContain("\"status\"");

        assertThat(fresh.argo()).isEqualTo(
                new HealthSeen("Progressing", "Waiting for the tlscheck operator to check the target"));
        // kstatus assumes that a resource with neither observedGeneration nor conditions is
        // done: Flux would count a TlsCheck as ready before the operator has looked at it.
        assertThat(fresh.kstatus()).isEqualTo(new HealthSeen("Current", "Resource is current"));
    }

    @Test
    void aSpecNewerThanItsStatusIsProgressingAndInProgress() throws Exception {
        TlsCheck checked = await(watched, "healthy", verdict("Healthy"));
        // The operator's status, on a TlsCheck whose spec then changes before it is checked again.
        create(unwatched, hostCheck("respecified", valid.port(), "app.test"));
        client.resources(TlsCheck.class).inNamespace(unwatched).withName("respecified").subresource("status")
                .patch(PatchContext.of(PatchType.JSON_MERGE),
                        Serialization.asJson(Map.of("status", checked.getStatus())));
        client.resources(TlsCheck.class).inNamespace(unwatched).withName("respecified")
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"serverName\":\"other.test\"}}");
        Seen stale = seen(unwatched, "respecified");
        assertThat(stale.json()).contains("\"generation\": 2").contains("\"observedGeneration\": 1");

        assertThat(stale.argo()).isEqualTo(new HealthSeen("Progressing",
                "Waiting for the tlscheck operator to check generation 2 (the status is of generation 1)"));
        assertThat(stale.kstatus()).isEqualTo(new HealthSeen("InProgress",
                "TlsCheck generation is 2, but latest observed generation is 1"));
    }

    @Test
    void aHealthyCheckIsHealthyCurrentAndSatisfiesKubectlWait() throws Exception {
        await(watched, "healthy", verdict("Healthy"));
        Seen healthy = seen(watched, "healthy");

        assertThat(healthy.argo().status()).isEqualTo("Healthy");
        assertThat(healthy.argo().message()).startsWith("Healthy: certificate for app.test valid until ");
        assertThat(healthy.kstatus()).isEqualTo(new HealthSeen("Current", "Resource is Ready"));

        ControlPlane.Result wait = kubectlWaitReady("healthy", "20s");
        assertThat(wait.exitCode()).as(wait.output()).isZero();
        assertThat(wait.output()).contains("tlscheck.tlscheck.io/healthy condition met");
    }

    @Test
    void aWarningIsStillHealthyAndSaysSo() throws Exception {
        await(watched, "warning", verdict("Warning"));
        Seen warning = seen(watched, "warning");

        assertThat(warning.argo().status()).isEqualTo("Healthy");
        assertThat(warning.argo().message()).startsWith("Warning (CertificateExpiringSoon): ").contains("expires in 19 days");
        assertThat(warning.kstatus()).isEqualTo(new HealthSeen("Current", "Resource is Ready"));
    }

    @Test
    void anExpiredCertificateIsDegradedForArgoAndFailedForKstatus() throws Exception {
        await(watched, "expired", verdict("Failing"));
        Seen expired = seen(watched, "expired");

        String prefix = "Failing (CertificateExpired): ";
        assertThat(expired.argo().status()).isEqualTo("Degraded");
        assertThat(expired.argo().message()).startsWith(prefix);
        // Generic kstatus reads Ready=False as "not done yet"; the Stalled condition beside it
        // makes it Failed, so a Flux health check fails at once with the reason.
        assertThat(expired.kstatus())
                .isEqualTo(new HealthSeen("Failed", expired.argo().message().substring(prefix.length())));

        ControlPlane.Result wait = kubectlWaitReady("expired", "3s");
        assertThat(wait.exitCode()).as(wait.output()).isNotZero();
        assertThat(wait.output()).contains("timed out waiting for the condition on tlschecks/expired");
    }

    @Test
    void aHostnameMismatchIsDegradedWithTheReason() throws Exception {
        await(watched, "mismatch", verdict("Failing"));
        Seen mismatch = seen(watched, "mismatch");

        assertThat(mismatch.argo().status()).isEqualTo("Degraded");
        assertThat(mismatch.argo().message()).startsWith("Failing (HostnameMismatch): ").contains("other.test");
        assertThat(mismatch.kstatus().status()).isEqualTo("Failed");
    }

    @Test
    void aMissingServiceIsDegradedWithAnUnknownVerdict() throws Exception {
        await(watched, "no-service", c -> "ServiceNotFound".equals(c.getStatus().getReason()));
        Seen unresolved = seen(watched, "no-service");

        assertThat(unresolved.argo().status()).isEqualTo("Degraded");
        assertThat(unresolved.argo().message()).startsWith("Unknown (ServiceNotFound): ").contains("web");
        assertThat(unresolved.kstatus().status()).isEqualTo("Failed");
        assertThat(kubectlWaitReady("no-service", "2s").exitCode()).isNotZero();
    }

    @Test
    void aSuspendedCheckIsSuspendedForArgoAndInProgressForKstatus() throws Exception {
        await(watched, "paused", verdict("Healthy"));
        client.resources(TlsCheck.class).inNamespace(watched).withName("paused")
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"suspend\":true}}");
        await(watched, "paused", c -> "Suspended".equals(c.getStatus().getReason())
                && c.getStatus().getObservedGeneration() == 2L);
        Seen suspended = seen(watched, "paused");

        assertThat(suspended.argo()).isEqualTo(
                new HealthSeen("Suspended", "Checks are suspended (spec.suspend); last verdict: Healthy"));
        // Ready=Unknown: kstatus waits, as for any Ready that is not True.
        assertThat(suspended.kstatus()).isEqualTo(
                new HealthSeen("InProgress", "checks are suspended (spec.suspend is true)"));
    }

    /** One stored object and what Argo CD's health check and kstatus make of it. */
    private record Seen(String json, HealthSeen argo, HealthSeen kstatus) {
    }

    /** Reads the object as the API server serves it, through the real kubectl: what a GitOps tool reads. */
    private static Seen seen(String namespace, String name) {
        ControlPlane.Result get = plane.kubectl("get", "tlscheck", name, "-n", namespace, "-o", "json");
        assertThat(get.exitCode()).as(get.output()).isZero();
        return new Seen(get.output(), HealthSeen.byArgoCd(get.output()), HealthSeen.byKstatus(get.output()));
    }

    private static ControlPlane.Result kubectlWaitReady(String name, String timeout) {
        return plane.kubectl("wait", "--for=condition=Ready", "tlscheck/" + name, "-n", watched, "--timeout=" + timeout);
    }

    private static String hostCheck(String name, int port, String serverName) {
        return """
                apiVersion: tlscheck.io/v1alpha1
                kind: TlsCheck
                metadata: {name: %s}
                spec:
                  host: 127.0.0.1
                  port: %d
                  serverName: %s
                  interval: 10s
                  timeout: 3s
                  trust:
                    systemRoots: false
                    caBundle:
                      configMapKeyRef: {name: test-ca, key: ca.crt}
                """.formatted(name, port, serverName);
    }

    private static void create(String namespace, String yaml) {
        TlsCheck check = Serialization.unmarshal(yaml, TlsCheck.class);
        client.resources(TlsCheck.class).inNamespace(namespace).resource(check).create();
    }

    private static Predicate<TlsCheck> verdict(String verdict) {
        return c -> c.getStatus() != null && verdict.equals(c.getStatus().getVerdict());
    }

    private static TlsCheck await(String namespace, String name, Predicate<TlsCheck> condition) throws Exception {
        long deadline = System.nanoTime() + AWAIT.toNanos();
        TlsCheck current = null;
        while (System.nanoTime() < deadline) {
            current = client.resources(TlsCheck.class).inNamespace(namespace).withName(name).get();
            if (current != null && current.getStatus() != null && condition.test(current)) {
                return current;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("TlsCheck " + namespace + "/" + name + " never got there; last status: "
                + (current == null ? "none" : Serialization.asYaml(current.getStatus())) + "\noperator log:\n"
                + operator.log());
    }
}
