package io.tlscheck.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.tlscheck.testing.Commands;
import io.tlscheck.testing.Helm;

/**
 * The chart's alerts, evaluated by Prometheus's own rule engine: {@code promtool test rules}
 * feeds them series shaped like the operator's metrics (src/test/resources/chart/alerts-test.yaml)
 * and checks which alerts fire when, with which labels and rendered annotations. promtool comes
 * from Debian's prometheus package (.ci/run installs it); helm from e2e/build-helm.sh.
 */
class AlertRulesIT {
    private static final Path WORK = Path.of("target/alert-rules");

    @Test
    void theAlertsFireWhenTheyShouldWithRoutableLabels() throws Exception {
        Files.createDirectories(WORK);
        String rendered = Helm.helm("template", "tlscheck", "charts/tlscheck-operator", "--namespace",
                "tlscheck-system", "--set", "metrics.prometheusRule.enabled=true",
                "--show-only", "templates/prometheusrule.yaml");
        JsonNode rule = new YAMLMapper().readTree(rendered);
        assertThat(rule.path("kind").asText()).isEqualTo("PrometheusRule");
        // A PrometheusRule's spec is a Prometheus rule file.
        new YAMLMapper().writeValue(WORK.resolve("rules.yaml").toFile(), rule.get("spec"));
        Files.copy(Path.of("src/test/resources/chart/alerts-test.yaml"), WORK.resolve("alerts-test.yaml"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThat(Commands.run(List.of(promtool(), "check", "rules", WORK.resolve("rules.yaml").toString())))
                .contains("SUCCESS: 4 rules found");
        assertThat(Commands.run(List.of(promtool(), "test", "rules", WORK.resolve("alerts-test.yaml").toString())))
                .contains("SUCCESS");
    }

    private static String promtool() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, "promtool"))) {
                return Path.of(dir, "promtool").toString();
            }
        }
        throw new IllegalStateException("promtool is not installed: apt-get install prometheus (.ci/run does)");
    }
}
