package io.tlscheck.testing.kube;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The real etcd + kube-apiserver that {@code e2e/control-plane.sh} runs on 127.0.0.1, as the
 * tests see it: an admin client, clients for other identities, and the real kubectl.
 *
 * <p>There is one per test JVM ({@link ControlPlaneExtension} starts it); it is shared by all
 * test classes, so tests work in namespaces of their own ({@link #newNamespace}) and never
 * assume an empty cluster. No controller-manager runs: deleted namespaces stay Terminating,
 * Services get no EndpointSlices and namespaces no default ServiceAccount.
 */
public final class ControlPlane {

    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(4);

    private final Path repo;
    private final Path kubeconfig;
    private final Config adminConfig;
    private final KubernetesClient admin;
    private final boolean owned;

    private ControlPlane(Path repo, Path kubeconfig, boolean owned) {
        this.repo = repo;
        this.kubeconfig = kubeconfig;
        this.owned = owned;
        try {
            this.adminConfig = Config.fromKubeconfig(Files.readString(kubeconfig));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + kubeconfig, e);
        }
        this.admin = new KubernetesClientBuilder().withConfig(adminConfig).build();
    }

    /**
     * Runs {@code e2e/control-plane.sh up} tied to this JVM: a plane it starts stops when the
     * JVM exits, even when the JVM is killed; a plane that is already up (say, one a developer
     * started by hand) is reused and left running.
     */
    static ControlPlane start() {
        Path repo = findRepo();
        long self = ProcessHandle.current().pid();
        Result up = run(repo, SCRIPT_TIMEOUT,
                List.of("bash", repo.resolve("e2e/control-plane.sh").toString(), "up", "--watch-pid", Long.toString(self)));
        if (up.exitCode() != 0) {
            throw new IllegalStateException("e2e/control-plane.sh up failed (exit " + up.exitCode() + "):\n" + up.output());
        }
        Path work = repo.resolve("e2e/.work");
        boolean owned = stateValue(work.resolve("state"), "owner_pid").equals(Optional.of(Long.toString(self)));
        return new ControlPlane(repo, work.resolve("kubeconfig"), owned);
    }

    /** Takes the plane down if {@link #start} started it, and closes the admin client. */
    void stop() {
        admin.close();
        if (owned) {
            Result down = run(repo, SCRIPT_TIMEOUT, List.of("bash", repo.resolve("e2e/control-plane.sh").toString(), "down"));
            if (down.exitCode() != 0) {
                System.err.println("e2e/control-plane.sh down failed (exit " + down.exitCode() + "):\n" + down.output());
            }
        }
    }

    /** A client authenticated as the cluster admin (group system:masters). Shared: do not close it. */
    public KubernetesClient client() {
        return admin;
    }

    /** The admin kubeconfig, {@code e2e/.work/kubeconfig}. */
    public Path kubeconfig() {
        return kubeconfig;
    }

    /** A new client that authenticates with a bearer token only (for example a ServiceAccount token); close it. */
    public KubernetesClient clientWithToken(String token) {
        Config config = new ConfigBuilder(Config.empty())
                .withMasterUrl(adminConfig.getMasterUrl())
                .withCaCertData(adminConfig.getCaCertData())
                .withOauthToken(token)
                .withRequestRetryBackoffLimit(0)
                .build();
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    /** Creates a namespace with a fresh name starting with {@code prefix}. */
    public String newNamespace(String prefix) {
        String name = prefix.toLowerCase(Locale.ROOT) + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        Namespace ns = new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build();
        admin.namespaces().resource(ns).create();
        return name;
    }

    /**
     * Stops kube-apiserver and starts it again on the same address with the same data, as an
     * upgrade or a crash would; returns once it answers {@code /readyz} again. Every client of
     * the plane sees the outage, so only tests that are about it call this.
     */
    public void restartApiServer() {
        Result restart = run(repo, SCRIPT_TIMEOUT,
                List.of("bash", repo.resolve("e2e/control-plane.sh").toString(), "restart-apiserver"));
        if (restart.exitCode() != 0) {
            throw new IllegalStateException("e2e/control-plane.sh restart-apiserver failed (exit "
                    + restart.exitCode() + "):\n" + restart.output());
        }
    }

    /**
     * Runs the real kubectl (see {@link Kubectl}) against
     * the plane with the admin kubeconfig, and its own discovery cache. The process gets two
     * minutes: more than any {@code kubectl wait --timeout} a test passes, so kubectl reports
     * its own timeout rather than being killed.
     */
    public Result kubectl(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Kubectl.command());
        command.add("--kubeconfig=" + kubeconfig);
        command.add("--cache-dir=" + kubeconfig.resolveSibling("kube-cache"));
        command.addAll(List.of(args));
        return run(repo, Duration.ofMinutes(2), command);
    }

    /** What a finished process printed (stdout and stderr, interleaved) and its exit code. */
    public record Result(int exitCode, String output) {
    }

    private static Result run(Path dir, Duration timeout, List<String> command) {
        Path log = null;
        try {
            log = Files.createTempFile("tlscheck-process-", ".log");
            Process process = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroy);
                process.destroy();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout
                        + "; its output so far:\n" + Files.readString(log));
            }
            return new Result(process.exitValue(), Files.readString(log));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        } finally {
            if (log != null) {
                try {
                    Files.deleteIfExists(log);
                } catch (IOException ignored) {
                    // a temp file; nothing to do
                }
            }
        }
    }

    private static Optional<String> stateValue(Path state, String key) {
        try {
            return Files.readAllLines(state).stream()
                    .filter(line -> line.startsWith(key + "="))
                    .map(line -> line.substring(key.length() + 1))
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The checkout the tests run in: Maven runs them from the project directory; look upwards to be safe. */
    private static Path findRepo() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("e2e/control-plane.sh"))) {
                return dir;
            }
        }
        throw new IllegalStateException("e2e/control-plane.sh not found above " + Path.of("").toAbsolutePath());
    }
}
