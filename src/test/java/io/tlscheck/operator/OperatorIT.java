package io.tlscheck.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.tlscheck.api.v1alpha1.Expect;
import io.tlscheck.api.v1alpha1.SecretMatch;
import io.tlscheck.api.v1alpha1.ServiceTarget;
import io.tlscheck.api.v1alpha1.IngressTarget;
import io.tlscheck.api.v1alpha1.TlsCheck;
import io.tlscheck.api.v1alpha1.TlsCheckSpec;
import io.tlscheck.engine.Pem;
import io.tlscheck.testing.Issued;
import io.tlscheck.testing.KubePlane;
import io.tlscheck.testing.OperatorProcess;
import io.tlscheck.testing.TestCertificates;
import io.tlscheck.testing.TestTlsServer;
import io.tlscheck.testing.TestTrust;

/**
 * The packaged operator against a real kube-apiserver and etcd: TlsChecks for hosts, Services
 * (EndpointSlices pointing at TLS servers on 127.0.0.x) and Ingresses, as a user would create
 * them, and what they read back: status, conditions, printer columns, events, metrics.
 */
class OperatorIT {
    private static final String NS = "operator-it";
    private static KubernetesClient client;
    private static OperatorProcess operator;
    private static Issued ca;
    private static String caPem;

    @BeforeAll
    static void start() throws Exception {
        client = KubePlane.client();
        KubePlane.applyCrd();
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
                .serverSideApply();
        ca = TestCertificates.ca("Operator IT Root").build();
        caPem = Pem.write(ca.certificate());
        client.configMaps().inNamespace(NS).resource(new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
                .withNewMetadata().withName("test-ca").endMetadata().withData(Map.of("ca.crt", caPem)).build())
                .serverSideApply();
        // EndpointSlices may not hold loopback addresses, so the Service tests use FQDN slices
        // whose names the operator's JVM resolves to 127.0.0.x through a JDK hosts file.
        Path hosts = Files.writeString(Path.of("target/operator-it-hosts"),
                "127.0.0.2 replica-a.operator-it.test\n127.0.0.3 replica-b.operator-it.test\n"
                        + "127.0.0.5 later.operator-it.test\n");
        operator = OperatorProcess.start(KubePlane.kubeconfig(), Map.of("TLSCHECK_POLICY_DENY_CIDRS", "127.0.0.9/32",
                "TLSCHECK_JAVA_OPTS", "-Djdk.net.hosts.file=" + hosts.toAbsolutePath()));
    }

    @AfterAll
    static void stop() {
        if (operator != null) {
            operator.close();
        }
    }

    private static TlsCheck check(String name, TlsCheckSpec spec) {
        TlsCheck check = new TlsCheck();
        check.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NS).build());
        if (spec.getTrust() == null) {
            spec.setTrust(TestTrust.onlyConfigMap("test-ca", "ca.crt"));
        }
        spec.setInterval("10s");
        spec.setTimeout("3s");
        check.setSpec(spec);
        return check;
    }

    private static TlsCheckSpec host(String host, int port, String serverName) {
        TlsCheckSpec spec = new TlsCheckSpec();
        spec.setHost(host);
        spec.setPort(port);
        spec.setServerName(serverName);
        return spec;
    }

    private static TlsCheck create(TlsCheck check) {
        return client.resources(TlsCheck.class).inNamespace(NS).resource(check).create();
    }

    private static TlsCheck await(String name, Predicate<TlsCheck> condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        TlsCheck current = null;
        while (System.nanoTime() < deadline) {
            current = client.resources(TlsCheck.class).inNamespace(NS).withName(name).get();
            if (current != null && condition.test(current)) {
                return current;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("TlsCheck " + name + " never reached: " + what + "; last status: "
                + (current == null ? "none" : io.fabric8.kubernetes.client.utils.Serialization.asYaml(current.getStatus())));
    }

    private static Predicate<TlsCheck> verdict(String verdict) {
        return c -> c.getStatus() != null && verdict.equals(c.getStatus().getVerdict());
    }

    private static Predicate<TlsCheck> reason(String reason) {
        return c -> c.getStatus() != null && reason.equals(c.getStatus().getReason());
    }

    private static String ready(TlsCheck check) {
        return check.getStatus().getConditions().stream().filter(c -> c.getType().equals("Ready"))
                .map(c -> c.getStatus()).findFirst().orElse("");
    }

    @Test
    void healthyHostCheckBecomesReadyWithPrinterColumnsAndMetrics() throws Exception {
        Issued leaf = TestCertificates.leaf("healthy.test").issuedBy(ca).build();
        try (TestTlsServer server = TestTlsServer.serving(leaf).start()) {
            create(check("healthy", host("127.0.0.1", server.port(), "healthy.test")));

            TlsCheck done = await("healthy", verdict("Healthy"), "Healthy");
            assertThat(ready(done)).isEqualTo("True");
            assertThat(done.getStatus().getTarget()).isEqualTo("127.0.0.1:" + server.port());
            assertThat(done.getStatus().getProtocol()).isEqualTo("TLSv1.3");
            assertThat(done.getStatus().getExpiresIn()).matches("\\d+d");
            assertThat(done.getStatus().getEndpoints().get(0).getLeaf().getDnsNames()).containsExactly("healthy.test");
            assertThat(done.getStatus().getConditions()).extracting(c -> c.getType())
                    .contains("Ready", "Handshake", "Trusted", "HostnameMatches", "Valid", "PolicyCompliant");

            String table = KubePlane.table(NS, "tlschecks");
            assertThat(table).contains("\"name\":\"Target\"", "\"name\":\"Ready\"", "\"name\":\"Verdict\"",
                    "\"name\":\"Expires-In\"", "\"name\":\"Protocol\"", "\"name\":\"Age\"");
            String kubectl = KubePlane.kubectl("get", "tlschecks", "-n", NS);
            assertThat(kubectl).containsPattern("healthy +127\\.0\\.0\\.1:\\d+ +True +Healthy +\\d+d +TLSv1\\.3");

            String metrics = operator.metrics();
            assertThat(metrics).contains("tlscheck_certificate_expiry_timestamp_seconds{")
                    .contains("name=\"healthy\"").contains("tlscheck_verdict{");

            client.resources(TlsCheck.class).inNamespace(NS).withName("healthy").delete();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (operator.metrics().contains("name=\"healthy\"") && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            assertThat(operator.metrics()).as("series removed with their TlsCheck").doesNotContain("name=\"healthy\"");
        }
    }

    @Test
    void wrongNameFailsWithAnEvent() throws Exception {
        Issued leaf = TestCertificates.leaf("right.test").issuedBy(ca).build();
        try (TestTlsServer server = TestTlsServer.serving(leaf).start()) {
            create(check("mismatch", host("127.0.0.1", server.port(), "wrong.test")));

            TlsCheck done = await("mismatch", reason("HostnameMismatch"), "HostnameMismatch");
            assertThat(ready(done)).isEqualTo("False");
            assertThat(done.getStatus().getConditions()).anySatisfy(c -> {
                assertThat(c.getType()).isEqualTo("HostnameMatches");
                assertThat(c.getStatus()).isEqualTo("False");
            });
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            List<io.fabric8.kubernetes.api.model.Event> events = List.of();
            while (events.isEmpty() && System.nanoTime() < deadline) {
                events = client.v1().events().inNamespace(NS).list().getItems().stream()
                        .filter(e -> "mismatch".equals(e.getInvolvedObject().getName())
                                && "HostnameMismatch".equals(e.getReason())).toList();
                Thread.sleep(200);
            }
            assertThat(events).hasSize(1);
            assertThat(events.get(0).getType()).isEqualTo("Warning");
            assertThat(KubePlane.kubectl("describe", "tlscheck", "mismatch", "-n", NS))
                    .contains("HostnameMismatch").contains("does not cover wrong.test");
        }
    }

    @Test
    void serviceEndpointsAreCheckedOneByOneAndAStaleReplicaShows() throws Exception {
        Issued current = TestCertificates.leaf("web.operator-it.svc").issuedBy(ca).build();
        Issued stale = TestCertificates.leaf("web.operator-it.svc").issuedBy(ca).build();
        int port = 18443;
        try (TestTlsServer fresh = TestTlsServer.serving(current).bindTo("127.0.0.2", port).start();
             TestTlsServer old = TestTlsServer.serving(stale).bindTo("127.0.0.3", port).start()) {
            client.secrets().inNamespace(NS).resource(new SecretBuilder().withNewMetadata().withName("web-tls")
                    .endMetadata().withType("kubernetes.io/tls").withData(Map.of(
                            "tls.crt", base64(Pem.write(current.certificate())),
                            "tls.key", base64("not a real key: never read for matchSecret"))).build()).serverSideApply();
            client.services().inNamespace(NS).resource(new ServiceBuilder().withNewMetadata().withName("web")
                    .endMetadata().withNewSpec().addNewPort().withName("https").withPort(443).endPort().endSpec()
                    .build()).serverSideApply();
            client.discovery().v1().endpointSlices().inNamespace(NS).resource(new EndpointSliceBuilder()
                    .withNewMetadata().withName("web-1").addToLabels("kubernetes.io/service-name", "web").endMetadata()
                    .withAddressType("FQDN")
                    .addNewPort().withName("https").withPort(port).withProtocol("TCP").endPort()
                    .addNewEndpoint().withAddresses("replica-a.operator-it.test").withNewConditions().withReady(true).endConditions()
                    .withNewTargetRef().withKind("Pod").withName("web-fresh").endTargetRef().endEndpoint()
                    .addNewEndpoint().withAddresses("replica-b.operator-it.test").withNewConditions().withReady(true).endConditions()
                    .withNewTargetRef().withKind("Pod").withName("web-old").endTargetRef().endEndpoint()
                    .build()).serverSideApply();
            TlsCheckSpec spec = new TlsCheckSpec();
            ServiceTarget target = new ServiceTarget();
            target.setName("web");
            spec.setService(target);
            Expect expect = new Expect();
            SecretMatch match = new SecretMatch();
            match.setName("web-tls");
            expect.setMatchSecret(match);
            spec.setExpect(expect);
            create(check("web", spec));

            TlsCheck done = await("web", reason("ServedCertificateStale"), "ServedCertificateStale");
            assertThat(done.getStatus().getEndpoints()).hasSize(2);
            assertThat(done.getStatus().getMessage()).contains("replica-b.operator-it.test:" + port + " (pod web-old)");
            assertThat(done.getStatus().getEndpoints()).anySatisfy(e -> {
                assertThat(e.getPod()).isEqualTo("web-fresh");
                assertThat(e.getVerdict()).isEqualTo("Healthy");
            });
        }
    }

    @Test
    void ingressHostsAreCheckedThroughTheLoadBalancerAddress() throws Exception {
        Issued leaf = TestCertificates.leaf("shop.test").issuedBy(ca).build();
        try (TestTlsServer server = TestTlsServer.serving(leaf).bindTo("127.0.0.4", 443).start()) {
            client.secrets().inNamespace(NS).resource(new SecretBuilder().withNewMetadata().withName("shop-tls")
                    .endMetadata().withType("kubernetes.io/tls").withData(Map.of(
                            "tls.crt", base64(Pem.write(leaf.certificate())), "tls.key", base64("unused")))
                    .build()).serverSideApply();
            var ingress = client.network().v1().ingresses().inNamespace(NS).resource(new IngressBuilder()
                    .withNewMetadata().withName("shop").endMetadata()
                    .withNewSpec().addNewTl().withHosts("shop.test").withSecretName("shop-tls").endTl()
                    .addNewRule().withHost("shop.test").endRule().endSpec().build()).serverSideApply();
            ingress.setStatus(new io.fabric8.kubernetes.api.model.networking.v1.IngressStatusBuilder()
                    .withNewLoadBalancer().addNewIngress().withIp("127.0.0.4").endIngress().endLoadBalancer().build());
            client.network().v1().ingresses().inNamespace(NS).resource(ingress).updateStatus();
            TlsCheckSpec spec = new TlsCheckSpec();
            IngressTarget target = new IngressTarget();
            target.setName("shop");
            spec.setIngress(target);
            create(check("shop", spec));

            TlsCheck done = await("shop", verdict("Healthy"), "Healthy");
            assertThat(done.getStatus().getTarget()).isEqualTo("ingress/shop");
            assertThat(done.getStatus().getEndpoints().get(0).getServerName()).isEqualTo("shop.test");
            assertThat(done.getStatus().getConditions()).anySatisfy(c -> {
                assertThat(c.getType()).isEqualTo("SecretMatches");
                assertThat(c.getStatus()).isEqualTo("True");
            });
        }
    }

    @Test
    void missingServiceIsAConditionAndRecoversWhenItAppears() throws Exception {
        TlsCheckSpec spec = new TlsCheckSpec();
        ServiceTarget target = new ServiceTarget();
        target.setName("later");
        spec.setService(target);
        create(check("later", spec));

        TlsCheck missing = await("later", reason("ServiceNotFound"), "ServiceNotFound");
        assertThat(ready(missing)).isEqualTo("False");
        assertThat(missing.getStatus().getMessage()).isEqualTo("Service later not found in namespace " + NS);

        Issued leaf = TestCertificates.leaf("later.operator-it.svc").issuedBy(ca).build();
        try (TestTlsServer server = TestTlsServer.serving(leaf).bindTo("127.0.0.5", 18444).start()) {
            client.services().inNamespace(NS).resource(new ServiceBuilder().withNewMetadata().withName("later")
                    .endMetadata().withNewSpec().addNewPort().withPort(443).endPort().endSpec().build()).serverSideApply();
            client.discovery().v1().endpointSlices().inNamespace(NS).resource(new EndpointSliceBuilder()
                    .withNewMetadata().withName("later-1").addToLabels("kubernetes.io/service-name", "later").endMetadata()
                    .withAddressType("FQDN").addNewPort().withPort(18444).endPort()
                    .addNewEndpoint().withAddresses("later.operator-it.test").endEndpoint().build()).serverSideApply();

            TlsCheck recovered = await("later", verdict("Healthy"), "Healthy after the Service appeared");
            assertThat(ready(recovered)).isEqualTo("True");
        }
    }

    @Test
    void deniedTargetIsNeverContacted() throws Exception {
        Issued leaf = TestCertificates.leaf("denied.test").issuedBy(ca).build();
        try (TestTlsServer server = TestTlsServer.serving(leaf).bindTo("127.0.0.9", 18445).start()) {
            create(check("denied", host("127.0.0.9", 18445, "denied.test")));

            TlsCheck done = await("denied", reason("TargetNotAllowed"), "TargetNotAllowed");
            assertThat(ready(done)).isEqualTo("False");
            assertThat(done.getStatus().getMessage()).contains("127.0.0.9/32");
            assertThat(server.handshakes()).isZero();
        }
    }

    @Test
    void invalidSpecsAreRejectedByTheApiServerWithReadableMessages() {
        TlsCheckSpec twoTargets = host("example.com", 443, null);
        twoTargets.setService(new ServiceTarget());
        twoTargets.getService().setName("web");
        assertThatThrownBy(() -> create(check("two-targets", twoTargets)))
                .isInstanceOf(KubernetesClientException.class)
                .hasMessageContaining("exactly one of host, service or ingress must be set");

        TlsCheck badPort = check("bad-port", host("example.com", 70000, null));
        assertThatThrownBy(() -> create(badPort)).hasMessageContaining("spec.port")
                .hasMessageContaining("65535");

        TlsCheck fastInterval = check("fast", host("example.com", 443, null));
        fastInterval.getSpec().setInterval("5s");
        fastInterval.getSpec().setTimeout("1s");
        assertThatThrownBy(() -> create(fastInterval)).hasMessageContaining("interval must be at least 10s");

        TlsCheck slowTimeout = check("slow", host("example.com", 443, null));
        slowTimeout.getSpec().setTimeout("30s");
        assertThatThrownBy(() -> create(slowTimeout)).hasMessageContaining("timeout must be shorter than the interval");

        TlsCheck windows = check("windows", host("example.com", 443, null));
        Expect expect = new Expect();
        expect.setExpiryWarning("7d");
        expect.setExpiryCritical("30d");
        windows.getSpec().setExpect(expect);
        assertThatThrownBy(() -> create(windows)).hasMessageContaining("expiryCritical must not be longer than expiryWarning");
    }

    @Test
    void steadyStateWritesNoStatus() throws Exception {
        // Other tests' checks lose their servers and rightly change status: measure this one alone.
        client.resources(TlsCheck.class).inNamespace(NS).delete();
        while (!client.resources(TlsCheck.class).inNamespace(NS).list().getItems().isEmpty()) {
            Thread.sleep(200);
        }
        Issued leaf = TestCertificates.leaf("steady.test").issuedBy(ca).build();
        try (TestTlsServer server = TestTlsServer.serving(leaf).start()) {
            create(check("steady", host("127.0.0.1", server.port(), "steady.test")));
            await("steady", verdict("Healthy"), "Healthy");
            Thread.sleep(2_000);
            int handshakesBefore = server.handshakes();
            double writesBefore = KubePlane.statusWrites("tlschecks");
            Map<String, String> versionsBefore = resourceVersions();

            Thread.sleep(25_000); // two intervals of 10s, with jitter

            assertThat(server.handshakes()).as("it kept checking").isGreaterThan(handshakesBefore);
            assertThat(resourceVersions()).as("no TlsCheck changed in a steady state").isEqualTo(versionsBefore);
            assertThat(KubePlane.statusWrites("tlschecks")).as("status writes in a steady state")
                    .isEqualTo(writesBefore);
        }
    }

    private static Map<String, String> resourceVersions() {
        return client.resources(TlsCheck.class).inNamespace(NS).list().getItems().stream().collect(
                java.util.stream.Collectors.toMap(c -> c.getMetadata().getName(), c -> c.getMetadata().getResourceVersion()
                        + " " + c.getStatus().getReason() + ": " + c.getStatus().getMessage()));
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
