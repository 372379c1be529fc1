package io.tlscheck.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.tlscheck.testing.Helm;
import io.tlscheck.testing.OperatorProcess;
import io.tlscheck.testing.kube.ControlPlane;

/**
 * The chart installed the way {@code helm install} would lay it out, on the real control plane:
 * its manifests rendered by the real helm and applied, except that the operator's Pod (which
 * no kubelet would run here) is a local process started with the Deployment's own environment
 * and authenticated with nothing but its ServiceAccount's token. So the RBAC under test is
 * exactly the chart's.
 */
final class ChartInstall {
    private static final Path CHART = Path.of("charts/tlscheck-operator");

    private final ControlPlane plane;
    private final String namespace;
    private final Deployment deployment;
    private final String serviceAccount;

    private ChartInstall(ControlPlane plane, String namespace, Deployment deployment, String serviceAccount) {
        this.plane = plane;
        this.namespace = namespace;
        this.deployment = deployment;
        this.serviceAccount = serviceAccount;
    }

    /** {@code helm template} with {@code --set} values, then {@code kubectl apply} of the result. */
    static ChartInstall install(ControlPlane plane, String namespace, String... setValues) throws Exception {
        List<String> args = new ArrayList<>(List.of("template", "tlscheck", CHART.toString(),
                "--namespace", namespace, "--include-crds"));
        for (String value : setValues) {
            args.add("--set");
            args.add(value);
        }
        String manifests = Helm.helm(args);
        Path file = Files.createTempFile(Path.of("target"), "chart-", ".yaml");
        Files.writeString(file, manifests);
        ControlPlane.Result applied = plane.kubectl("apply", "--server-side", "--force-conflicts", "-f", file.toString());
        if (applied.exitCode() != 0) {
            throw new IllegalStateException("kubectl apply of the rendered chart failed:\n" + applied.output());
        }
        Deployment deployment = null;
        String serviceAccount = null;
        for (String document : manifests.split("(?m)^---\\s*$")) {
            if (!document.contains("kind:")) {
                continue;
            }
            HasMetadata resource = Serialization.unmarshal(document);
            if (resource instanceof Deployment d) {
                deployment = d;
                serviceAccount = d.getSpec().getTemplate().getSpec().getServiceAccountName();
            }
        }
        if (deployment == null) {
            throw new IllegalStateException("the rendered chart has no Deployment");
        }
        return new ChartInstall(plane, namespace, deployment, serviceAccount);
    }

    String namespace() {
        return namespace;
    }

    String serviceAccount() {
        return serviceAccount;
    }

    /** A token of the chart's ServiceAccount, from the TokenRequest API as the kubelet would get one. */
    String token() {
        ControlPlane.Result token = plane.kubectl("create", "token", serviceAccount, "-n", namespace, "--duration=1h");
        if (token.exitCode() != 0) {
            throw new IllegalStateException("kubectl create token failed:\n" + token.output());
        }
        return token.output().strip();
    }

    /**
     * Starts one replica: {@code bin/tlscheck operator} with the Deployment's plain environment
     * (the operator's configuration as the chart set it), POD_NAMESPACE as the downward API
     * gives it, and a kubeconfig holding only the ServiceAccount token. {@code javaOptions}
     * are added to the chart's JVM options, for what only a test needs (a hosts file that
     * maps its loopback names).
     */
    OperatorProcess startReplica(String name, String javaOptions) throws IOException, InterruptedException {
        Map<String, String> env = new HashMap<>();
        for (EnvVar var : deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
            if (var.getValue() != null) {
                env.put(var.getName(), var.getValue());
            } else if (var.getValueFrom() != null && var.getValueFrom().getFieldRef() != null
                    && "metadata.namespace".equals(var.getValueFrom().getFieldRef().getFieldPath())) {
                env.put(var.getName(), namespace);
            }
        }
        env.put("HOSTNAME", name);
        env.merge("TLSCHECK_JAVA_OPTS", javaOptions, (chart, test) -> chart + " " + test);
        return OperatorProcess.start(tokenKubeconfig(), env);
    }

    private Path tokenKubeconfig() throws IOException {
        Config admin = plane.client().getConfiguration();
        String kubeconfig = """
                apiVersion: v1
                kind: Config
                clusters:
                - name: e2e
                  cluster:
                    server: %s
                    certificate-authority-data: %s
                users:
                - name: %s
                  user:
                    token: %s
                contexts:
                - name: e2e
                  context: {cluster: e2e, user: %s, namespace: %s}
                current-context: e2e
                """.formatted(admin.getMasterUrl(), admin.getCaCertData(), serviceAccount, token(), serviceAccount,
                namespace);
        Path file = Files.createTempFile(Path.of("target"), "sa-kubeconfig-", ".yaml",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        return Files.writeString(file, kubeconfig);
    }
}
