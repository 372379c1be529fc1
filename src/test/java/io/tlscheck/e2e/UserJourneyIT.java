package io.tlscheck.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.tlscheck.api.v1alpha1.TlsCheck;
import io.tlscheck.api.v1alpha1.TlsCheckSpec;
import io.tlscheck.manifest.ManifestEntry;
import io.tlscheck.manifest.ManifestReader;
import io.tlscheck.testing.Issued;
import io.tlscheck.testing.OperatorProcess;
import io.tlscheck.testing.TestCertificates;
import io.tlscheck.testing.TestTlsServer;
import io.tlscheck.testing.kube.ControlPlane;
import io.tlscheck.testing.kube.WithControlPlane;

/**
 * What a platform team does and sees, end to end, on the real control plane: install the
 * chart (CRD, RBAC, ServiceAccount; the operator watching one namespace, two replicas), run
 * the packaged operator with nothing but the chart's ServiceAccount token, apply the
 * {@code examples/}, and then use kubectl as they would: wait for Ready, read the table, read
 * the events, scrape the metrics. Then the bad days: a failing certificate, the leader dying,
 * the API server restarting.
 */
@WithControlPlane
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UserJourneyIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String LEASE = "tlscheck-operator";

    private static ControlPlane plane;
    private static KubernetesClient admin;
    private static String system;
    private static String shop;
    private static String elsewhere;
    private static ChartInstall chart;
    private static ExampleWorld world;
    private static final List<OperatorProcess> replicas = new ArrayList<>();
    private static final List<String> examples = new ArrayList<>();

    @BeforeAll
    static void installAndApplyTheExamples(ControlPlane controlPlane) throws Exception {
        plane = controlPlane;
        admin = plane.client();
        system = plane.newNamespace("tlscheck-system");
        shop = plane.newNamespace("shop");
        elsewhere = plane.newNamespace("elsewhere");
        chart = ChartInstall.install(plane, system, "watchNamespaces={" + shop + "}", "replicaCount=2");

        world = new ExampleWorld(admin, shop);
        StringBuilder manifests = new StringBuilder();
        for (Path file : ManifestReader.expand(List.of(Path.of("examples")))) {
            for (ManifestEntry entry : ManifestReader.read(file)) {
                assertThat(entry.errors()).as(entry.location()).isEmpty();
                TlsCheck check = world.prepare(entry.check());
                examples.add(check.getMetadata().getName());
                manifests.append("---\n").append(Serialization.asYaml(check));
            }
        }
        assertThat(examples).as("TlsChecks in examples/").hasSizeGreaterThanOrEqualTo(4);
        for (String name : List.of("tlscheck-operator-a", "tlscheck-operator-b")) {
            replicas.add(chart.startReplica(name, "-Djdk.net.hosts.file=" + world.hostsFile().toAbsolutePath()));
        }
        Path file = Files.writeString(Path.of("target/e2e-examples.yaml"), manifests);
        kubectlOk("apply", "-n", shop, "-f", file.toString());
    }

    @AfterAll
    static void stop() throws Exception {
        replicas.forEach(OperatorProcess::close);
        if (world != null) {
            world.close();
        }
    }

    @Test
    @Order(1)
    void everyExampleBecomesReadyAndKubectlGetShowsTheColumns() {
        String waited = kubectlOk("wait", "-n", shop, "--for=condition=Ready", "tlschecks", "--all",
                "--timeout=" + WAIT.toSeconds() + "s");
        assertThat(waited.lines()).hasSize(examples.size()).allMatch(line -> line.endsWith("condition met"));

        String table = kubectlOk("get", "tlschecks", "-n", shop);
        assertThat(table.lines().findFirst().orElseThrow().split("\\s+"))
                .containsExactly("NAME", "TARGET", "READY", "VERDICT", "EXPIRES-IN", "PROTOCOL", "AGE");
        for (String name : examples) {
            assertThat(table).containsPattern("(?m)^" + name + "\\s+\\S+\\s+True\\s+(Healthy|Warning)\\s+\\d+d\\s+TLSv1\\.[23]\\s");
        }
        assertThat(kubectlOk("get", "tlsc", "-n", shop, "-o", "wide").lines().findFirst().orElseThrow())
                .contains("REASON").contains("MESSAGE");
    }

    @Test
    @Order(2)
    void theLeaderHoldsTheLeaseAndServesMetricsForEveryCheck() throws Exception {
        OperatorProcess leader = leader();
        String metrics = leader.metrics();
        for (String name : examples) {
            assertThat(metrics).contains("tlscheck_check_success{").containsPattern(
                    "tlscheck_check_success\\{[^}]*name=\"" + name + "\"[^}]*namespace=\"" + shop + "\"[^}]*\\} 1\\.0");
            assertThat(metrics).containsPattern("tlscheck_certificate_expiry_timestamp_seconds\\{[^}]*name=\"" + name + "\"");
        }
        OperatorProcess standby = replicas.get(replicas.get(0) == leader ? 1 : 0);
        assertThat(standby.metrics()).doesNotContain("name=\"" + examples.get(0) + "\"");
    }

    @Test
    @Order(3)
    void aFailingCertificateIsAWarningEventThatDescribeShows() throws Exception {
        Issued expired = TestCertificates.leaf("legacy." + shop + ".example.test").issuedBy(world.ca())
                .expiresIn(Duration.ofDays(-3)).build();
        TestTlsServer server = world.serve(expired);
        TlsCheck check = hostCheck("legacy", server.port(), "legacy." + shop + ".example.test");
        admin.resources(TlsCheck.class).inNamespace(shop).resource(check).create();

        assertThat(plane.kubectl("wait", "-n", shop, "--for=condition=Ready=False", "tlscheck/legacy",
                "--timeout=" + WAIT.toSeconds() + "s").exitCode()).isZero();
        String described = awaitOutput(() -> kubectlOk("describe", "tlscheck", "legacy", "-n", shop),
                out -> out.contains("CertificateExpired"));
        assertThat(described).containsPattern("Warning\\s+CertificateExpired\\s+.*tlscheck")
                .contains("expired 3 days ago");
        assertThat(kubectlOk("get", "tlscheck", "legacy", "-n", shop)).containsPattern("legacy\\s+\\S+\\s+False\\s+Failing");
    }

    @Test
    @Order(4)
    void theChartGrantsNoMoreThanItSays() {
        try (KubernetesClient operator = plane.clientWithToken(chart.token())) {
            assertThat(operator.secrets().inNamespace(shop).list().getItems()).isNotNull();
            assertForbidden(() -> operator.secrets().inNamespace(elsewhere).list());
            assertForbidden(() -> operator.secrets().inNamespace(system).list());
            assertForbidden(() -> operator.resources(TlsCheck.class).inNamespace(elsewhere).list());
            assertForbidden(() -> operator.secrets().inNamespace(shop).resource(
                    new io.fabric8.kubernetes.api.model.SecretBuilder().withNewMetadata().withName("x").endMetadata().build())
                    .create());
            assertForbidden(() -> operator.namespaces().list());
        }
        for (OperatorProcess replica : replicas) {
            assertThat(logOf(replica)).doesNotContain("Forbidden").doesNotContain(" 403");
        }
    }

    @Test
    @Order(5)
    void theStandbyTakesOverWhenTheLeaderDies() throws Exception {
        OperatorProcess leader = leader();
        String before = holder();
        leader.close();
        replicas.remove(leader);

        String after = awaitOutput(UserJourneyIT::holder, holder -> holder != null && !holder.equals(before));
        assertThat(after).isNotEqualTo(before);
        TestTlsServer server = world.serve(TestCertificates.leaf("failover." + shop + ".example.test")
                .issuedBy(world.ca()).build());
        admin.resources(TlsCheck.class).inNamespace(shop)
                .resource(hostCheck("failover", server.port(), "failover." + shop + ".example.test")).create();
        kubectlOk("wait", "-n", shop, "--for=condition=Ready", "tlscheck/failover", "--timeout=" + WAIT.toSeconds() + "s");
    }

    @Test
    @Order(6)
    void itKeepsWorkingWhenTheApiServerRestartsUnderIt() throws Exception {
        plane.restartApiServer();

        TestTlsServer server = world.serve(TestCertificates.leaf("after-restart." + shop + ".example.test")
                .issuedBy(world.ca()).build());
        admin.resources(TlsCheck.class).inNamespace(shop)
                .resource(hostCheck("after-restart", server.port(), "after-restart." + shop + ".example.test")).create();
        kubectlOk("wait", "-n", shop, "--for=condition=Ready", "tlscheck/after-restart",
                "--timeout=" + WAIT.toSeconds() + "s");
        String suspended = examples.get(0);
        kubectlOk("patch", "tlscheck", suspended, "-n", shop, "--type=merge", "-p", "{\"spec\":{\"suspend\":true}}");
        assertThat(awaitOutput(() -> kubectlOk("get", "tlscheck", suspended, "-n", shop,
                "-o", "jsonpath={.status.reason}"), "Suspended"::equals)).isEqualTo("Suspended");
        assertThat(replicas).allMatch(OperatorProcess::alive);
    }

    private static TlsCheck hostCheck(String name, int port, String serverName) throws Exception {
        TlsCheckSpec spec = new TlsCheckSpec();
        spec.setHost("127.0.0.1");
        spec.setPort(port);
        spec.setServerName(serverName);
        spec.setInterval("10m");
        TlsCheck check = new TlsCheck();
        check.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName(name).withNamespace(shop).build());
        check.setSpec(spec);
        return world.trusting(check);
    }

    private static OperatorProcess leader() throws Exception {
        String holder = awaitOutput(UserJourneyIT::holder, h -> h != null);
        return replicas.stream().filter(r -> holder.startsWith(r.name())).findFirst()
                .orElseThrow(() -> new AssertionError("Lease held by " + holder + ", not by a running replica"));
    }

    private static String holder() {
        Lease lease = admin.leases().inNamespace(system).withName(LEASE).get();
        return lease == null || lease.getSpec() == null ? null : lease.getSpec().getHolderIdentity();
    }

    private static String logOf(OperatorProcess replica) {
        try {
            return replica.log();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertForbidden(Runnable call) {
        try {
            call.run();
            throw new AssertionError("expected 403 Forbidden");
        } catch (KubernetesClientException e) {
            assertThat(e.getCode()).as(e.getMessage()).isEqualTo(403);
        }
    }

    private static String kubectlOk(String... args) {
        ControlPlane.Result result = plane.kubectl(args);
        assertThat(result.exitCode()).as("kubectl %s:%n%s", String.join(" ", args), result.output()).isZero();
        return result.output();
    }

    private static <T> T awaitOutput(java.util.function.Supplier<T> read, Predicate<T> done) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        T last = read.get();
        while (!done.test(last) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            last = read.get();
        }
        assertThat(done.test(last)).as("still %s after %s", last, WAIT).isTrue();
        return last;
    }
}
