package io.tlscheck.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.tlscheck.api.v1alpha1.ClientCertificate;
import io.tlscheck.api.v1alpha1.TlsCheck;
import io.tlscheck.api.v1alpha1.TlsCheckSpec;
import io.tlscheck.engine.Pem;
import io.tlscheck.testing.Helm;
import io.tlscheck.testing.Issued;
import io.tlscheck.testing.OperatorProcess;
import io.tlscheck.testing.PemFiles;
import io.tlscheck.testing.TestCertificates;
import io.tlscheck.testing.TestTlsServer;
import io.tlscheck.testing.TestTrust;
import io.tlscheck.testing.ToolRun;
import io.tlscheck.testing.kube.ControlPlane;
import io.tlscheck.testing.kube.WithControlPlane;

/**
 * The Helm chart, with the real helm (built by {@code e2e/build-helm.sh}) against the real
 * kube-apiserver: it lints clean, its schema rejects typos, what it renders is accepted by
 * the API server with strict field validation, and its RBAC is enough for the packaged
 * operator and no more: the operator runs with nothing but the chart's ServiceAccount token.
 */
@WithControlPlane
class HelmChartIT {
    private static final Path CHART = Path.of("charts/tlscheck-operator");
    private static final Path FULL_VALUES = CHART.resolve("ci/full-values.yaml");
    private static final Path WORK = Path.of("target/helm-chart-it");
    private static final Duration HELM_TIMEOUT = Duration.ofMinutes(2);

    private static ControlPlane plane;
    private static KubernetesClient admin;
    private static Path helm;

    @BeforeAll
    static void setUp(ControlPlane controlPlane) throws Exception {
        plane = controlPlane;
        admin = controlPlane.client();
        Files.createDirectories(WORK);
        helm = Path.of(Helm.path());
        // The ServiceMonitor and PrometheusRule kinds must exist for the full rendering.
        ControlPlane.Result crds = plane.kubectl("apply", "--server-side", "--force-conflicts",
                "-f", "src/test/resources/chart/monitoring.coreos.com-minimal-crds.yaml");
        assertThat(crds.exitCode()).as(crds.output()).isZero();
        ControlPlane.Result established = plane.kubectl("wait", "--for=condition=Established", "--timeout=30s",
                "crd/servicemonitors.monitoring.coreos.com", "crd/prometheusrules.monitoring.coreos.com");
        assertThat(established.exitCode()).as(established.output()).isZero();
        // The TlsCheck CRD as the chart installs it (identical to crds/, see below).
        ControlPlane.Result crd = plane.kubectl("apply", "--server-side", "--force-conflicts",
                "-f", CHART.resolve("crds").toString());
        assertThat(crd.exitCode()).as(crd.output()).isZero();
        assertThat(plane.kubectl("wait", "--for=condition=Established", "--timeout=30s",
                "crd/tlschecks.tlscheck.io").exitCode()).isZero();
    }

    @Test
    void theChartsCrdIsTheRepositorysCrd() throws IOException {
        Path original = Path.of("crds/tlschecks.tlscheck.io-v1.yml");
        Path copy = CHART.resolve("crds/tlschecks.tlscheck.io-v1.yml");
        assertThat(Files.readString(copy))
                .as("%s must be a copy of %s: cp %s %s", copy, original, original, copy.getParent())
                .isEqualTo(Files.readString(original));
    }

    @Test
    void lintIsCleanOnTheDefaultsAndOnTheFullValues() {
        for (List<String> values : List.of(List.<String>of(), List.of("--values", FULL_VALUES.toString()))) {
            List<String> args = new ArrayList<>(List.of("lint", "--strict", CHART.toString()));
            args.addAll(values);
            ToolRun lint = helm(args);
            assertThat(lint.exitCode()).as(lint.all()).isZero();
            assertThat(lint.all()).as("helm %s", args).contains("1 chart(s) linted, 0 chart(s) failed")
                    .doesNotContain("[WARNING]").doesNotContain("[ERROR]");
        }
    }

    @Test
    void aTypoInTheValuesFailsWithTheSchemasMessage() {
        ToolRun top = helm(List.of("template", "t", CHART.toString(), "--set", "replicaCont=2"));
        assertThat(top.exitCode()).isNotZero();
        assertThat(top.err()).contains("additional properties 'replicaCont' not allowed");

        ToolRun nested = helm(List.of("template", "t", CHART.toString(), "--set", "metrics.serviceMonitor.enable=true"));
        assertThat(nested.exitCode()).isNotZero();
        assertThat(nested.err()).contains("/metrics/serviceMonitor").contains("additional properties 'enable' not allowed");

        ToolRun variant = helm(List.of("template", "t", CHART.toString(), "--set", "image.variant=graal"));
        assertThat(variant.exitCode()).isNotZero();
        assertThat(variant.err()).contains("/image/variant").contains("value must be one of 'jvm', 'native'");

        ToolRun interval = helm(List.of("template", "t", CHART.toString(), "--set", "defaultInterval=5 minutes"));
        assertThat(interval.exitCode()).isNotZero();
        assertThat(interval.err()).contains("/defaultInterval").contains("does not match pattern");
    }

    @Test
    void thePackagedChartHoldsTheCrdAndNotTheCiValues() {
        Path out = WORK.resolve("package");
        ToolRun pack = helm(List.of("package", CHART.toString(), "--destination", out.toString()));
        assertThat(pack.exitCode()).as(pack.all()).isZero();
        Path tgz = out.resolve("tlscheck-operator-0.1.0.tgz");
        ToolRun list = ToolRun.of(HELM_TIMEOUT, "", List.of("tar", "tzf", tgz.toString()));
        assertThat(list.out()).contains("tlscheck-operator/crds/tlschecks.tlscheck.io-v1.yml",
                        "tlscheck-operator/values.schema.json", "tlscheck-operator/templates/NOTES.txt")
                .doesNotContain("ci/full-values.yaml");
        ToolRun template = helm(List.of("template", "t", tgz.toString(), "--include-crds"));
        assertThat(template.exitCode()).as(template.all()).isZero();
        assertThat(template.out()).contains("CustomResourceDefinition", "tlschecks.tlscheck.io");
    }

    @Test
    void theDefaultAndTheFullRenderingsPassStrictServerSideValidation() throws IOException {
        String release = plane.newNamespace("it-chart-render");
        String teamA = plane.newNamespace("it-chart-team-a");
        String teamB = plane.newNamespace("it-chart-team-b");

        String defaults = template("render-defaults", release, List.of());
        List<HasMetadata> objects = load(defaults);
        assertThat(objects).extracting(HasMetadata::getKind).containsExactlyInAnyOrder("ServiceAccount",
                "ClusterRole", "ClusterRole", "ClusterRoleBinding", "ClusterRoleBinding", "Role", "RoleBinding",
                "Service", "Deployment");
        serverSideDryRun(defaults, "defaults");

        String full = template("render-full", release, List.of("--values", FULL_VALUES.toString(),
                "--set", "watchNamespaces={" + teamA + "," + teamB + "}"));
        List<HasMetadata> all = load(full);
        assertThat(all).extracting(HasMetadata::getKind).contains("ServiceMonitor", "PrometheusRule",
                "PodDisruptionBudget", "ConfigMap");
        assertThat(all).filteredOn(o -> o.getKind().equals("RoleBinding"))
                .extracting(o -> o.getMetadata().getNamespace()).containsExactlyInAnyOrder(teamA, teamB, release);
        assertThat(all).filteredOn(o -> o.getKind().equals("ClusterRoleBinding"))
                .as("only the CRD's get is bound cluster-wide when namespaces are listed")
                .extracting(o -> o.getMetadata().getName()).containsExactly("render-full-tlscheck-operator-crd");
        serverSideDryRun(full, "full values");

        Deployment deployment = (Deployment) all.stream().filter(o -> o instanceof Deployment).findFirst().orElseThrow();
        Map<String, String> env = plainEnv(deployment);
        assertThat(env).containsEntry("QUARKUS_OPERATOR_SDK_NAMESPACES", teamA + "," + teamB)
                .containsEntry("TLSCHECK_POLICY_ALLOW_CIDRS", "10.0.0.0/8,192.168.0.0/16")
                .containsEntry("TLSCHECK_DEFAULT_INTERVAL", "10m")
                .containsEntry("QUARKUS_LOG_CATEGORY__IO_TLSCHECK__LEVEL", "DEBUG")
                .doesNotContainKey("TLSCHECK_JAVA_OPTS");
        assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("registry.example.test/tlscheck/operator:0.1.0-native");
        assertThat(plainEnv(deploymentOf(load(defaults)))).doesNotContainKey("TLSCHECK_DEFAULT_INTERVAL")
                .containsEntry("QUARKUS_OPERATOR_SDK_NAMESPACES", "JOSDK_ALL_NAMESPACES")
                .containsEntry("TLSCHECK_JAVA_OPTS", "-Xmx128m -XX:+ExitOnOutOfMemoryError");
    }

    /**
     * helm install with the defaults (all namespaces), then the packaged operator with nothing
     * but the chart's ServiceAccount token and the environment the chart gives its container.
     */
    @Test
    void theOperatorRunsOnTheChartsRbacAloneWatchingAllNamespaces() throws Exception {
        String release = plane.newNamespace("it-chart-all");
        String apps = plane.newNamespace("it-chart-apps");
        // The operator sees every namespace of the shared plane, TlsChecks of other tests too:
        // the allow lists keep it on loopback (host patterns are checked before any DNS lookup).
        // The entries that matter stand second, so each list is proven to arrive whole.
        ToolRun install = install("chart-all", release, List.of(
                "--set", "policy.allowHosts={*.allowed.test,127.0.0.1,127.0.0.10,blocked.test}",
                "--set", "policy.allowCidrs={10.0.0.0/8,127.0.0.0/8}",
                "--set", "policy.denyCidrs={127.0.0.9/32,127.0.0.10/32}",
                "--set", "policy.denyHosts={*.denied.test,blocked.test}"));
        assertThat(install.out()).contains("kubectl get tlschecks -A", "/q/metrics",
                "chart-all-tlscheck-operator-metrics." + release + ".svc:8080");

        Issued ca = TestCertificates.ca("Chart IT Root").build();
        admin.configMaps().inNamespace(apps).resource(new ConfigMapBuilder().withNewMetadata().withName("test-ca")
                .endMetadata().addToData("ca.crt", Pem.write(ca.certificate())).build()).create();
        Issued client = TestCertificates.leaf("client.chart.test").issuedBy(ca).build();
        createClientSecret(apps, "client-tls", client);

        try (TestTlsServer server = TestTlsServer.serving(TestCertificates.leaf("chart.test").issuedBy(ca).build()).start();
             OperatorProcess operator = startWithChartIdentity("chart-all", release)) {
            create(apps, "healthy", host("127.0.0.1", server.port(), "chart.test"));
            create(apps, "mismatch", host("127.0.0.1", server.port(), "wrong.test"));
            TlsCheckSpec withClientCert = host("127.0.0.1", server.port(), "chart.test");
            ClientCertificate clientCertificate = new ClientCertificate();
            clientCertificate.setSecretName("client-tls");
            withClientCert.setClientCertificate(clientCertificate);
            create(apps, "client-cert", withClientCert);
            create(apps, "denied-cidr", host("127.0.0.10", server.port(), "chart.test"));
            create(apps, "denied-host", host("blocked.test", server.port(), "chart.test"));

            assertThat(ready(await(apps, "healthy", c -> "True".equals(ready(c)), "Ready=True"))).isEqualTo("True");
            // The Secret is read with its key by a GET (the cache holds no private keys).
            await(apps, "client-cert", c -> "True".equals(ready(c)), "Ready=True with the client certificate");
            await(apps, "mismatch", c -> "HostnameMismatch".equals(reason(c)), "HostnameMismatch");
            // Both entries of each comma-separated policy list reach the operator.
            assertThat(await(apps, "denied-cidr", c -> "TargetNotAllowed".equals(reason(c)), "TargetNotAllowed")
                    .getStatus().getMessage()).contains("127.0.0.10/32");
            assertThat(await(apps, "denied-host", c -> "TargetNotAllowed".equals(reason(c)), "TargetNotAllowed")
                    .getStatus().getMessage()).contains("denied by the target policy (blocked.test)");
            awaitEvent(apps, "mismatch", "HostnameMismatch");

            Lease lease = admin.leases().inNamespace(release).withName("tlscheck-operator").get();
            assertThat(lease).as("the Lease of leader election in the release namespace").isNotNull();
            assertThat(lease.getSpec().getHolderIdentity()).isNotBlank();
            assertNoForbidden(operator);

            // Another replica takes the Lease: this one must stop by itself, so that its pod
            // restarts and campaigns again, rather than check on as a second leader.
            admin.leases().inNamespace(release).withName("tlscheck-operator").edit(l -> {
                l.getSpec().setHolderIdentity("another-replica");
                l.getSpec().setRenewTime(java.time.ZonedDateTime.now());
                l.getSpec().setLeaseDurationSeconds(3600);
                return l;
            });
            ProcessHandle process = ProcessHandle.of(operator.pid()).orElseThrow();
            try {
                process.onExit().get(40, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                fail("the operator went on after losing its Lease; its log:\n" + operator.log());
            }
            assertThat(operator.log()).contains("stopped leading: exiting");
        } finally {
            // Other tests' operators must not check these (blocked.test would be looked up in DNS).
            admin.resources(TlsCheck.class).inNamespace(apps).delete();
            Files.deleteIfExists(WORK.resolve("chart-all.kubeconfig"));
            helm(List.of("uninstall", "chart-all", "--namespace", release, "--kubeconfig", plane.kubeconfig().toString(),
                    "--timeout", "60s"));
        }
    }

    /**
     * With watchNamespaces, the token may read Secrets in the watched namespace and nowhere
     * else, and the operator works with that alone.
     */
    @Test
    void withWatchNamespacesTheRbacEndsAtThoseNamespaces() throws Exception {
        String release = plane.newNamespace("it-chart-ns");
        String watched = plane.newNamespace("it-chart-watched");
        String other = plane.newNamespace("it-chart-other");
        install("chart-ns", release, List.of("--set", "watchNamespaces={" + watched + "}"));
        String token = token("chart-ns-tlscheck-operator", release);

        try (KubernetesClient sa = plane.clientWithToken(token)) {
            assertThat(allowed(sa, "list", "secrets", watched)).isTrue();
            assertThat(allowed(sa, "list", "secrets", other)).isFalse();
            assertThat(allowed(sa, "list", "secrets", null)).as("cluster-wide").isFalse();
            assertThat(allowed(sa, "patch", "leases", release)).as("the Lease, by name").isFalse();
            KubernetesClientException denied = org.assertj.core.api.Assertions.catchThrowableOfType(
                    KubernetesClientException.class, () -> sa.secrets().inNamespace(other).list());
            assertThat(denied).isNotNull();
            assertThat(denied.getCode()).isEqualTo(403);
            assertThat(sa.secrets().inNamespace(watched).list().getItems()).isNotNull();
        }

        Issued ca = TestCertificates.ca("Chart IT Namespaced Root").build();
        admin.configMaps().inNamespace(watched).resource(new ConfigMapBuilder().withNewMetadata().withName("test-ca")
                .endMetadata().addToData("ca.crt", Pem.write(ca.certificate())).build()).create();
        try (TestTlsServer server = TestTlsServer.serving(TestCertificates.leaf("ns.chart.test").issuedBy(ca).build()).start();
             OperatorProcess operator = startWithChartIdentity("chart-ns", release)) {
            create(watched, "healthy", host("127.0.0.1", server.port(), "ns.chart.test"));
            create(other, "unwatched", host("127.0.0.1", server.port(), "ns.chart.test"));
            await(watched, "healthy", c -> "True".equals(ready(c)), "Ready=True");
            var renewed = admin.leases().inNamespace(release).withName("tlscheck-operator").get().getSpec().getRenewTime();
            Lease lease = admin.leases().inNamespace(release).withName("tlscheck-operator").get();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!lease.getSpec().getRenewTime().isAfter(renewed) && System.nanoTime() < deadline) {
                Thread.sleep(500);
                lease = admin.leases().inNamespace(release).withName("tlscheck-operator").get();
            }
            assertThat(lease.getSpec().getRenewTime()).as("the Lease is renewed (a PATCH)").isAfter(renewed);
            assertThat(admin.resources(TlsCheck.class).inNamespace(other).withName("unwatched").get().getStatus())
                    .as("a TlsCheck outside watchNamespaces is not touched").isNull();
            assertNoForbidden(operator);

            // A pod ends with SIGTERM: the leader must stop by itself, well within the kubelet's
            // 30 s grace period (it used to hang in System.exit inside the shutdown hook).
            ProcessHandle process = ProcessHandle.of(operator.pid()).orElseThrow();
            process.destroy();
            try {
                process.onExit().get(15, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                fail("the leading operator did not stop within 15 s of SIGTERM; its log:\n" + operator.log());
            }
        } finally {
            admin.resources(TlsCheck.class).inNamespace(watched).delete();
            admin.resources(TlsCheck.class).inNamespace(other).delete();
            Files.deleteIfExists(WORK.resolve("chart-ns.kubeconfig"));
            helm(List.of("uninstall", "chart-ns", "--namespace", release, "--kubeconfig", plane.kubeconfig().toString(),
                    "--timeout", "60s"));
        }
    }

    // --- helm ---

    private static ToolRun helm(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(helm.toString());
        command.addAll(args);
        // helm's own cache, config and data stay in target/, away from the user's.
        Path home = WORK.resolve("helm-home").toAbsolutePath();
        return ToolRun.of(HELM_TIMEOUT, "", command, Map.of("HELM_CACHE_HOME", home.resolve("cache").toString(),
                "HELM_CONFIG_HOME", home.resolve("config").toString(), "HELM_DATA_HOME", home.resolve("data").toString()));
    }

    private static String template(String release, String namespace, List<String> extra) {
        List<String> args = new ArrayList<>(List.of("template", release, CHART.toString(), "--namespace", namespace));
        args.addAll(extra);
        ToolRun template = helm(args);
        assertThat(template.exitCode()).as(template.all()).isZero();
        return template.out();
    }

    private static ToolRun install(String release, String namespace, List<String> extra) {
        List<String> args = new ArrayList<>(List.of("install", release, CHART.toString(), "--namespace", namespace,
                "--kubeconfig", plane.kubeconfig().toString(), "--timeout", "60s"));
        args.addAll(extra);
        ToolRun install = helm(args);
        assertThat(install.exitCode()).as(install.all()).isZero();
        assertThat(install.err()).as("warnings from the API server").doesNotContain("unknown field");
        return install;
    }

    private static void serverSideDryRun(String manifests, String what) throws IOException {
        Path file = Files.writeString(Files.createTempFile(WORK, "rendered-", ".yaml"), manifests);
        try {
            ControlPlane.Result apply = plane.kubectl("apply", "--server-side", "--dry-run=server", "--validate=strict",
                    "--force-conflicts", "-f", file.toString());
            assertThat(apply.exitCode()).as("%s:\n%s", what, apply.output()).isZero();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static List<HasMetadata> load(String manifests) {
        return admin.load(new ByteArrayInputStream(manifests.getBytes(StandardCharsets.UTF_8))).items();
    }

    private static Deployment deploymentOf(List<HasMetadata> objects) {
        return (Deployment) objects.stream().filter(o -> o instanceof Deployment).findFirst().orElseThrow();
    }

    /** The container's environment with literal values (the downward-API ones left out). */
    private static Map<String, String> plainEnv(Deployment deployment) {
        Map<String, String> env = new HashMap<>();
        for (EnvVar var : deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
            if (var.getValue() != null) {
                env.put(var.getName(), var.getValue());
            }
        }
        return env;
    }

    // --- the operator as the chart's ServiceAccount ---

    private static String token(String serviceAccount, String namespace) {
        ControlPlane.Result token = plane.kubectl("create", "token", serviceAccount, "--namespace", namespace,
                "--duration", "30m");
        assertThat(token.exitCode()).as(token.output()).isZero();
        return token.output().strip();
    }

    /**
     * Starts bin/tlscheck operator as the pod would run: the installed Deployment's environment,
     * POD_NAMESPACE from the downward API (the release namespace), and a kubeconfig holding the
     * chart ServiceAccount's token and nothing else.
     */
    private static OperatorProcess startWithChartIdentity(String release, String namespace) throws Exception {
        Deployment deployment = admin.apps().deployments().inNamespace(namespace).withName(release + "-tlscheck-operator").get();
        assertThat(deployment).as("the installed Deployment").isNotNull();
        Map<String, String> env = plainEnv(deployment);
        env.put("POD_NAMESPACE", namespace);
        String token = token(release + "-tlscheck-operator", namespace);
        var config = admin.getConfiguration();
        String kubeconfig = """
                apiVersion: v1
                kind: Config
                clusters:
                - name: plane
                  cluster:
                    server: %s
                    certificate-authority-data: %s
                users:
                - name: chart-service-account
                  user:
                    token: %s
                contexts:
                - name: chart
                  context: {cluster: plane, user: chart-service-account}
                current-context: chart
                """.formatted(config.getMasterUrl(), config.getCaCertData(), token);
        Path file = WORK.resolve(release + ".kubeconfig");
        Files.writeString(file, kubeconfig);
        file.toFile().setReadable(false, false);
        file.toFile().setReadable(true, true);
        return OperatorProcess.start(file.toAbsolutePath(), env);
    }

    private static boolean allowed(KubernetesClient client, String verb, String resource, String namespace) {
        SelfSubjectAccessReview review = new SelfSubjectAccessReviewBuilder().withNewSpec().withNewResourceAttributes()
                .withVerb(verb).withResource(resource).withNamespace(namespace)
                .withGroup(resource.equals("leases") ? "coordination.k8s.io" : "")
                .withName(resource.equals("leases") ? "someone-elses-lease" : null)
                .endResourceAttributes().endSpec().build();
        return client.resource(review).create().getStatus().getAllowed();
    }

    private static void assertNoForbidden(OperatorProcess operator) throws IOException {
        assertThat(operator.log()).as("the operator's log").doesNotContainIgnoringCase("forbidden")
                .doesNotContain(" 403");
    }

    private static void createClientSecret(String namespace, String name, Issued client) throws IOException {
        Path dir = Files.createTempDirectory(WORK, "client-");
        try {
            String cert = Pem.write(client.certificate());
            String key = Files.readString(PemFiles.write(dir, "tls.key", client.keyPair().getPrivate()));
            admin.secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata().withName(name).endMetadata()
                    .withType("kubernetes.io/tls")
                    .addToData("tls.crt", base64(cert)).addToData("tls.key", base64(key)).build()).create();
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    // --- TlsChecks ---

    private static TlsCheckSpec host(String host, int port, String serverName) {
        TlsCheckSpec spec = new TlsCheckSpec();
        spec.setHost(host);
        spec.setPort(port);
        spec.setServerName(serverName);
        spec.setInterval("10s");
        spec.setTimeout("3s");
        spec.setTrust(TestTrust.onlyConfigMap("test-ca", "ca.crt"));
        return spec;
    }

    private static void create(String namespace, String name, TlsCheckSpec spec) {
        TlsCheck check = new TlsCheck();
        check.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
        check.setSpec(spec);
        admin.resources(TlsCheck.class).inNamespace(namespace).resource(check).create();
    }

    private static TlsCheck await(String namespace, String name, Predicate<TlsCheck> condition, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        TlsCheck current = null;
        while (System.nanoTime() < deadline) {
            current = admin.resources(TlsCheck.class).inNamespace(namespace).withName(name).get();
            if (current != null && current.getStatus() != null && condition.test(current)) {
                return current;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("TlsCheck " + namespace + "/" + name + " never reached " + what + "; last status: "
                + (current == null || current.getStatus() == null ? "none"
                        : io.fabric8.kubernetes.client.utils.Serialization.asYaml(current.getStatus())));
    }

    private static void awaitEvent(String namespace, String name, String reason) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            boolean found = admin.v1().events().inNamespace(namespace).list().getItems().stream()
                    .anyMatch(e -> name.equals(e.getInvolvedObject().getName()) && reason.equals(e.getReason())
                            && "tlscheck-operator".equals(e.getReportingComponent()));
            if (found) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no " + reason + " Event for TlsCheck " + namespace + "/" + name);
    }

    private static String ready(TlsCheck check) {
        return check.getStatus().getConditions() == null ? "" : check.getStatus().getConditions().stream()
                .filter(c -> "Ready".equals(c.getType())).map(c -> c.getStatus()).findFirst().orElse("");
    }

    private static String reason(TlsCheck check) {
        return check.getStatus().getReason();
    }
}
