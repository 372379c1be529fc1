package io.tlscheck.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.tlscheck.testing.KubePlane;
import io.tlscheck.testing.kube.ControlPlane;
import io.tlscheck.testing.kube.WithControlPlane;

/**
 * Every TlsCheck in {@code examples/} is admitted by the real CRD (OpenAPI schema, CEL rules,
 * strict field validation) when a newcomer applies it: {@code kubectl apply --dry-run=server
 * --validate=strict} into a fresh namespace runs all of admission and stores nothing, so no
 * operator of a later test goes off to check www.example.com. Other kinds in those files (the
 * sidecar example's Pod, which no kubelet here would run) are left out.
 */
@WithControlPlane
class ExamplesIT {
    private static final YAMLMapper YAML = new YAMLMapper();

    @Test
    void everyExampleTlsCheckIsAdmittedByTheCrd(ControlPlane plane, @TempDir Path dir) throws Exception {
        KubePlane.applyCrd();
        List<String> names = new ArrayList<>();
        StringBuilder stream = new StringBuilder();
        for (JsonNode check : tlsChecks(Path.of("examples"))) {
            names.add("tlscheck.tlscheck.io/" + check.path("metadata").path("name").asText());
            stream.append(YAML.writeValueAsString(check));
        }
        assertThat(names).as("TlsChecks in examples/").hasSizeGreaterThanOrEqualTo(6).doesNotHaveDuplicates();
        Path all = Files.writeString(dir.resolve("examples.yaml"), stream);
        String namespace = plane.newNamespace("it-examples");

        ControlPlane.Result apply = plane.kubectl("apply", "--dry-run=server", "--validate=strict", "-n", namespace,
                "-f", all.toString());

        assertThat(apply.exitCode()).as(apply.output()).isZero();
        assertThat(apply.output().lines().toList()).as(apply.output())
                .containsExactlyInAnyOrderElementsOf(names.stream().map(n -> n + " created (server dry run)").toList());
    }

    /** The TlsCheck documents of every YAML file under {@code dir}. */
    private static List<JsonNode> tlsChecks(Path dir) throws IOException {
        List<JsonNode> checks = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().matches(".*\\.ya?ml")).sorted().toList()) {
                try (var documents = YAML.readValues(YAML.createParser(file.toFile()), JsonNode.class)) {
                    while (documents.hasNext()) {
                        JsonNode document = documents.next();
                        if (document != null && "TlsCheck".equals(document.path("kind").asText())) {
                            checks.add(document);
                        }
                    }
                }
            }
        }
        return checks;
    }
}
