package io.tlscheck.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.tlscheck.testing.Helm;
import io.tlscheck.testing.ToolRun;

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
        String rendered = Helm.helm(List.of("template", "tlscheck", "charts/tlscheck-operator", "--namespace",
                "tlscheck-system", "--set", "metrics.prometheusRule.enabled=true",
                "--show-only", "templates/prometheusrule.yaml"));
        JsonNode rule = new YAMLMapper().readTree(rendered);
        assertThat(rule.path("kind").asText()).isEqualTo("PrometheusRule");
        // A PrometheusRule's spec is a Prometheus rule file.
        new YAMLMapper().writeValue(WORK.resolve("rules.yaml").toFile(), rule.get("spec"));
        Files.copy(Path.of("src/test/resources/chart/alerts-test.yaml"), WORK.resolve("alerts-test.yaml"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThat(promtool("check", "rules", WORK.resolve("rules.yaml").toString())).contains("SUCCESS: 4 rules found");
        assertThat(promtool("test", "rules", WORK.resolve("alerts-test.yaml").toString())).contains("SUCCESS");
    }

    /** {@code promtool ARGS...}: all it printed; a failure shows it. */
    private static String promtool(String... args) {
        Path promtool = Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin").split(":"))
                .map(dir -> Path.of(dir, "promtool")).filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new IllegalStateException("promtool is not installed: apt-get install prometheus (.ci/run does)"));
        List<String> command = new ArrayList<>(List.of(promtool.toString()));
        command.addAll(List.of(args));
        return ToolRun.of(Duration.ofMinutes(1), "", command).succeeded(String.join(" ", command)).all();
    }
}
