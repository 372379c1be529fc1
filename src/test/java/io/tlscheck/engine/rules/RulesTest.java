package io.tlscheck.engine.rules;

import static io.tlscheck.engine.rules.Contexts.NAME;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.tlscheck.engine.Finding;

/** What holds for every rule: metadata users can rely on, and silence on a healthy endpoint. */
class RulesTest {
    @Test
    void idsAreUniqueAndDottedLowercase() {
        List<String> ids = Rules.all().stream().map(r -> r.info().id()).toList();

        assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.matches("[a-z]+(-[a-z]+)*(\\.[a-z]+(-[a-z]+)*)+"));
    }

    @Test
    void metadataIsCompleteAndFitsOnOneLine() {
        for (Rule rule : Rules.all()) {
            RuleInfo info = rule.info();
            assertThat(info.reason()).as(info.id()).matches("([A-Z][a-z0-9]*)+");
            for (String text : List.of(info.description(), info.reference(), info.remedy())) {
                assertThat(text).as(info.id()).isNotBlank().doesNotContain("\n");
            }
        }
    }

    @Test
    void everyRuleClassInThePackageIsRegistered() throws IOException, URISyntaxException {
        // The main classes' folder: getResource("") would find the test classes' one first.
        Path folder = Path.of(Rules.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(Rules.class.getPackageName().replace('.', '/'));
        List<String> implementations = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = file.getFileName().toString().replace(".class", "");
                Class<?> type = loadQuietly(Rules.class.getPackageName() + "." + name);
                if (type != null && Rule.class.isAssignableFrom(type) && !type.isInterface()) {
                    implementations.add(type.getSimpleName());
                }
            }
        }
        Set<String> registered = Rules.all().stream().map(r -> r.getClass().getSimpleName()).collect(Collectors.toSet());

        assertThat(registered).containsExactlyInAnyOrderElementsOf(implementations);
    }

    @Test
    void aHealthyEndpointHasNoFindings() {
        CheckContext healthy = Contexts.trusted(Contexts.leaf(NAME).build()).build();

        List<Finding> findings = Rules.all().stream().flatMap(r -> r.evaluate(healthy).stream()).toList();

        assertThat(findings).isEmpty();
    }

    @Test
    void noRuleFailsWhenNoCertificateWasServed() {
        CheckContext empty = Contexts.served().build();

        List<Finding> findings = Rules.all().stream().flatMap(r -> r.evaluate(empty).stream()).toList();

        assertThat(findings).isEmpty();
    }

    private static Class<?> loadQuietly(String name) {
        try {
            return Class.forName(name, false, Rules.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
