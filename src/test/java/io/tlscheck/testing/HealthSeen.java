package io.tlscheck.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What a GitOps tool concludes about one Kubernetes object given as JSON: Argo CD through the
 * health script in {@code gitops/argocd/} (run by Lua 5.1, as Argo CD's gopher-lua would), and
 * Flux / {@code kpt} through kstatus (built by {@code e2e/build-kstatus.sh}).
 *
 * @param status  Healthy, Progressing, Degraded, Suspended (Argo CD); Current, InProgress, Failed (kstatus)
 * @param message the tool's message
 */
public record HealthSeen(String status, String message) {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Path ARGO_SCRIPT = Path.of("gitops/argocd/tlscheck-health.lua");
    private static final Path HARNESS = Path.of("src/test/resources/gitops/run-argocd-health.lua");
    private static String kstatus;

    public static HealthSeen byArgoCd(String objectJson) {
        return of(ToolRun.of(TIMEOUT, objectJson, List.of("lua5.1", HARNESS.toString(), ARGO_SCRIPT.toString())));
    }

    public static HealthSeen byKstatus(String objectJson) {
        return of(ToolRun.of(TIMEOUT, objectJson, List.of(kstatusBinary())));
    }

    /** Builds kstatus when it is missing (seconds; a no-op when cached) and returns its path. */
    private static synchronized String kstatusBinary() {
        if (kstatus != null) {
            return kstatus;
        }
        kstatus = ToolRun.of(Duration.ofMinutes(10), "", List.of("e2e/build-kstatus.sh"))
                .succeeded("e2e/build-kstatus.sh").out().strip();
        return kstatus;
    }

    private static HealthSeen of(ToolRun run) {
        if (run.exitCode() != 0) {
            throw new IllegalStateException("exit " + run.exitCode() + ": " + run.out() + run.err());
        }
        return new HealthSeen(run.line(0), run.line(1));
    }
}
