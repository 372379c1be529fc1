package io.tlscheck.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A finished run of an external command that was fed {@code stdin}: its exit code and output. */
public record ToolRun(int exitCode, String out, String err) {

    /** Runs {@code command} in the working directory; kills it and fails when it outlives {@code timeout}. */
    public static ToolRun of(Duration timeout, String stdin, List<String> command) {
        return of(timeout, stdin, command, Map.of());
    }

    /** The same, with {@code environment} added to this JVM's. */
    public static ToolRun of(Duration timeout, String stdin, List<String> command, Map<String, String> environment) {
        Path in = null;
        Path out = null;
        Path err = null;
        try {
            // Files rather than pipes: no reader threads, and a chatty tool cannot block on a full pipe.
            in = Files.writeString(Files.createTempFile("tool-in-", ".txt"), stdin);
            out = Files.createTempFile("tool-out-", ".txt");
            err = Files.createTempFile("tool-err-", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).redirectInput(in.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout);
            }
            return new ToolRun(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        } finally {
            for (Path file : new Path[] {in, out, err}) {
                if (file != null) {
                    file.toFile().delete();
                }
            }
        }
    }

    /** stdout, then stderr. */
    public String all() {
        return out + err;
    }

    /** This run, when it exited 0; otherwise an exception that names {@code what} and shows what it printed. */
    public ToolRun succeeded(String what) {
        if (exitCode != 0) {
            throw new IllegalStateException(what + " failed (exit " + exitCode + "):\n" + all());
        }
        return this;
    }

    /** Line {@code index} (0-based) of stdout, or empty. */
    public String line(int index) {
        List<String> lines = out.lines().toList();
        return index < lines.size() ? lines.get(index) : "";
    }
}
