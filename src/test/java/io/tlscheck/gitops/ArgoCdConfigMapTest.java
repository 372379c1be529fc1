package io.tlscheck.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The argocd-cm snippet users apply must carry exactly the health script that
 * {@link GitOpsHealthIT} runs; two copies of a script drift unless a test holds them together.
 */
class ArgoCdConfigMapTest {
    private static final Path CONFIG_MAP = Path.of("gitops/argocd/argocd-cm.yaml");
    private static final Path SCRIPT = Path.of("gitops/argocd/tlscheck-health.lua");
    private static final String KEY = "resource.customizations.health.tlscheck.io_TlsCheck";

    @Test
    void theConfigMapEmbedsTheHealthScriptVerbatim() throws Exception {
        JsonNode configMap = new ObjectMapper(new YAMLFactory()).readTree(CONFIG_MAP.toFile());

        assertThat(configMap.path("kind").asText()).isEqualTo("ConfigMap");
        assertThat(configMap.path("metadata").path("name").asText()).isEqualTo("argocd-cm");
        assertThat(configMap.path("data").path(KEY).asText())
                .as("%s under %s must be %s verbatim: paste it as the block, indented by four spaces",
                        CONFIG_MAP, KEY, SCRIPT)
                .isEqualTo(Files.readString(SCRIPT));
    }
}
