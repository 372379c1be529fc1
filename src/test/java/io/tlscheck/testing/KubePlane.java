package io.tlscheck.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.tlscheck.testing.kube.Kubectl;

/**
 * The real kube-apiserver and etcd of {@code e2e/control-plane.sh}, shared by every integration
 * test of a run: started on first use (and stopped when this JVM exits), reused when it is
 * already up. Not a mock: what it accepts, prunes, validates and denies is what a cluster does.
 */
public final class KubePlane {
    private static final Path SCRIPT = Path.of("e2e/control-plane.sh");
    private static final Path KUBECONFIG = Path.of("e2e/.work/kubeconfig");
    private static final Path CRD = Path.of("crds/tlschecks.tlscheck.io-v1.yml");
    private static KubernetesClient client;

    private KubePlane() {
    }

    public static synchronized KubernetesClient client() throws IOException, InterruptedException {
        if (client == null) {
            run(List.of(SCRIPT.toString(), "up", "--watch-pid", String.valueOf(ProcessHandle.current().pid())));
            Config config = Config.fromKubeconfig(Files.readString(KUBECONFIG));
            client = new KubernetesClientBuilder().withConfig(config).build();
        }
        return client;
    }

    public static Path kubeconfig() throws IOException, InterruptedException {
        client();
        return KUBECONFIG.toAbsolutePath();
    }

    /** Applies the committed CRD (the one users install) and waits until it is Established. */
    public static void applyCrd() throws IOException, InterruptedException {
        KubernetesClient k8s = client();
        try (InputStream in = Files.newInputStream(CRD)) {
            CustomResourceDefinition crd = k8s.apiextensions().v1().customResourceDefinitions().load(in).item();
            k8s.apiextensions().v1().customResourceDefinitions().resource(crd).forceConflicts().serverSideApply();
            k8s.apiextensions().v1().customResourceDefinitions().withName(crd.getMetadata().getName())
                    .waitUntilCondition(c -> c.getStatus() != null && c.getStatus().getConditions() != null
                            && c.getStatus().getConditions().stream().anyMatch(
                                    cond -> "Established".equals(cond.getType()) && "True".equals(cond.getStatus())),
                            30, TimeUnit.SECONDS);
        }
    }

    /** What {@code kubectl get} asks for: the server-side Table of a resource in a namespace. */
    public static String table(String namespace, String plural) throws IOException, InterruptedException {
        return get("/apis/tlscheck.io/v1alpha1/namespaces/" + namespace + "/" + plural,
                "application/json;as=Table;g=meta.k8s.io;v=v1");
    }

    /** The real kubectl, with the plane's kubeconfig. */
    public static String kubectl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Kubectl.command(), "--kubeconfig", kubeconfig().toString()));
        command.addAll(List.of(args));
        return run(command);
    }

    /** Status writes (PATCH or server-side APPLY) on a resource's status, from the API server's own metrics. */
    public static double statusWrites(String resource) throws IOException, InterruptedException {
        String metrics = get("/metrics", "text/plain");
        Pattern line = Pattern.compile("^apiserver_request_total\\{([^}]*)\\} ([0-9.e+]+)$", Pattern.MULTILINE);
        Matcher m = line.matcher(metrics);
        double total = 0;
        while (m.find()) {
            String labels = m.group(1);
            if (labels.contains("resource=\"" + resource + "\"") && labels.contains("subresource=\"status\"")
                    && (labels.contains("verb=\"PATCH\"") || labels.contains("verb=\"APPLY\"")
                        || labels.contains("verb=\"PUT\"") || labels.contains("verb=\"UPDATE\""))) {
                total += Double.parseDouble(m.group(2));
            }
        }
        return total;
    }

    private static String get(String path, String accept) throws IOException, InterruptedException {
        KubernetesClient k8s = client();
        HttpRequest request = k8s.getHttpClient().newHttpRequestBuilder()
                .uri(URI.create(k8s.getMasterUrl().toString().replaceAll("/$", "") + path))
                .header("Accept", accept).build();
        try {
            HttpResponse<String> response = k8s.getHttpClient().sendAsync(request, String.class).get(30, TimeUnit.SECONDS);
            if (response.code() != 200) {
                throw new IOException("GET " + path + " answered " + response.code() + ": " + response.body());
            }
            return response.body();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("GET " + path + " failed", e);
        }
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }
}
