package io.tlscheck.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The helm that e2e/build-helm.sh built (.ci/run builds it before the tests). */
public final class Helm {
    private Helm() {
    }

    /** Where the binary is; fails (never skips) with what to do when it is not built. */
    public static String path() throws IOException, InterruptedException {
        String path = Commands.run(List.of("bash", "e2e/build-helm.sh", "--path")).strip();
        if (!Files.isExecutable(Path.of(path))) {
            throw new IllegalStateException(path + " is missing: build it with e2e/build-helm.sh");
        }
        return path;
    }

    /** {@code helm ARGS...}: its output, or an exception that shows it. */
    public static String helm(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(path()));
        command.addAll(List.of(args));
        return Commands.run(command);
    }
}
