package io.tlscheck.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The committed CRD ({@code crds/}) must be exactly what the Java model generates. The CRD is
 * generated while packaging, after the unit tests, so this check runs as an integration test.
 */
class CrdDriftIT {
    private static final String FILE = "tlschecks.tlscheck.io-v1.yml";

    @Test
    void committedCrdMatchesTheGeneratedOne() throws IOException {
        Path generated = Path.of("target/kubernetes", FILE);
        Path committed = Path.of("crds", FILE);

        assertThat(generated).as("the build generates the CRD").exists();
        assertThat(Files.readString(committed))
                .as("crds/%s is out of date: copy %s over it and commit", FILE, generated)
                .isEqualTo(Files.readString(generated));
    }
}
