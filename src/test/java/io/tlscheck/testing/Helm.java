package io.tlscheck.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The helm that e2e/build-helm.sh built (.ci/run builds it before the tests). */
public final class Helm {
    private static final Duration TIMEOUT = Duration.ofMinutes(1);

    private Helm() {
    }

    /** Where the binary is; fails (never skips) with what to do when it is not built. */
    public static String path() {
        String path = ToolRun.of(TIMEOUT, "", List.of("bash", "e2e/build-helm.sh", "--path"))
                .succeeded("e2e/build-helm.sh --path").out().strip();
        if (!Files.isExecutable(Path.of(path))) {
            throw new IllegalStateException(path + " is missing: build it with e2e/build-helm.sh");
        }
        return path;
    }

    /** {@code helm ARGS...}: its standard output, or an exception that shows what it printed. */
    public static String helm(List<String> args) {
        List<String> command = new ArrayList<>(List.of(path()));
        command.addAll(args);
        return ToolRun.of(TIMEOUT, "", command).succeeded(String.join(" ", command)).out();
    }
}
