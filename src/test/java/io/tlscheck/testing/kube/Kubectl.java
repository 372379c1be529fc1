package io.tlscheck.testing.kube;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.tlscheck.testing.ToolRun;

/**
 * Which kubectl the tests run: the {@code tlscheck.kubectl} system property when set, else the
 * one {@code e2e/build-control-plane.sh} built from the same pinned release as the API server
 * (so a fresh machine needs no kubectl of its own), else {@code kubectl} from PATH.
 */
public final class Kubectl {
    private static String command;

    private Kubectl() {
    }

    /** The program to run, found once per JVM. */
    public static synchronized String command() {
        if (command == null) {
            command = System.getProperty("tlscheck.kubectl");
        }
        if (command == null) {
            Path built = controlPlaneDirectory().resolve("kubectl");
            command = Files.isExecutable(built) ? built.toString() : "kubectl";
        }
        return command;
    }

    /** {@code CONTROL_PLANE_BIN}, as e2e/control-plane.sh honours it, else the build script's cache directory. */
    private static Path controlPlaneDirectory() {
        String override = System.getenv("CONTROL_PLANE_BIN");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        ToolRun where = ToolRun.of(Duration.ofSeconds(30), "", List.of("bash", "e2e/build-control-plane.sh", "--dir"));
        return where.exitCode() == 0 ? Path.of(where.out().strip()) : Path.of("/nonexistent");
    }
}
