package io.tlscheck.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class ManifestReaderTest {
    private static final Path FILE = Path.of("checks.yaml");

    @Test
    void readsAValidHostCheckIntoTheOperatorModel() {
        List<ManifestEntry> entries = ManifestReader.read(FILE, """
                apiVersion: tlscheck.io/v1alpha1
                kind: TlsCheck
                metadata:
                  name: example
                  namespace: web
                spec:
                  host: example.com
                  port: 8443
                  expect:
                    expiryWarning: 21d
                """);

        assertThat(entries).hasSize(1);
        ManifestEntry entry = entries.get(0);
        assertThat(entry.valid()).isTrue();
        assertThat(entry.check().getSpec().getHost()).isEqualTo("example.com");
        assertThat(entry.check().getSpec().getPort()).isEqualTo(8443);
        assertThat(entry.check().getSpec().getExpect().getExpiryWarning()).isEqualTo("21d");
        assertThat(entry.check().getMetadata().getNamespace()).isEqualTo("web");
    }

    @Test
    void multiDocumentFilesKeepTheirLineNumbersAndSkipOtherKinds() {
        List<ManifestEntry> entries = ManifestReader.read(FILE, """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: unrelated
                ---
                apiVersion: tlscheck.io/v1alpha1
                kind: TlsCheck
                metadata:
                  name: good
                spec:
                  host: example.com
                ---
                apiVersion: tlscheck.io/v1alpha1
                kind: TlsCheck
                metadata:
                  name: bad-port
                spec:
                  host: example.com
                  port: 70000
                """);

        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).valid()).isTrue();
        assertThat(entries.get(0).line()).isEqualTo(6);
        assertThat(entries.get(1).valid()).isFalse();
        assertThat(entries.get(1).errors()).containsExactly(
                "checks.yaml:19: spec.port: must be between 1 and 65535 (got 70000)");
    }

    @Test
    void twoTargetsAreRejected() {
        List<ManifestEntry> entries = ManifestReader.read(FILE, """
                apiVersion: tlscheck.io/v1alpha1
                kind: TlsCheck
                metadata:
                  name: two
                spec:
                  host: example.com
                  service:
                    name: web
                """);

        assertThat(entries.get(0).errors()).containsExactly(
                "checks.yaml:5: spec: exactly one of host, service or ingress must be set (found 2)");
    }

    @Test
    void unknownFieldsAndWrongTypesNameTheLine() {
        List<ManifestEntry> unknown = ManifestReader.read(FILE, """
                apiVersion: tlscheck.io/v1alpha1
                kind: TlsCheck
                metadata:
                  name: typo
                spec:
                  host: example.com
                  intervall: 5m
                """);
        assertThat(unknown.get(0).errors().get(0)).startsWith("checks.yaml:7: spec.intervall: Unrecognized field \"intervall\"");

        List<ManifestEntry> wrongType = ManifestReader.read(FILE, """
                apiVersion: tlscheck.io/v1alpha1
                kind: TlsCheck
                metadata:
                  name: typed
                spec:
                  host: example.com
                  port: https
                """);
        assertThat(wrongType.get(0).errors().get(0)).startsWith("checks.yaml:7: spec.port: ");
    }

    @Test
    void semanticRulesMirrorTheCrd() {
        List<ManifestEntry> entries = ManifestReader.read(FILE, """
                apiVersion: tlscheck.io/v1alpha1
                kind: TlsCheck
                metadata:
                  name: timing
                spec:
                  host: example.com
                  interval: 5s
                  timeout: 10s
                  starttls: gopher
                  expect:
                    expiryWarning: 7d
                    expiryCritical: 30d
                    revocation: maybe
                """);

        assertThat(entries.get(0).errors()).containsExactly(
                "checks.yaml:7: spec.interval: must be at least 10s (got 5s)",
                "checks.yaml:8: spec.timeout: must be shorter than the interval (10s is not shorter than 5s)",
                "checks.yaml:9: spec.starttls: unknown STARTTLS protocol 'gopher' (expected one of smtp, imap, pop3, ftp, postgres)",
                "checks.yaml:12: spec.expect.expiryCritical: must not be longer than expiryWarning (30d > 7d)",
                "checks.yaml:13: spec.expect.revocation: unknown revocation mode 'maybe' (expected none, ocsp or crl)");
    }

    @Test
    void malformedYamlIsOneErrorWithItsLine() {
        List<ManifestEntry> entries = ManifestReader.read(FILE, """
                apiVersion: tlscheck.io/v1alpha1
                kind: TlsCheck
                metadata:
                  name: broken
                spec:
                  host: [example.com
                """);

        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).errors().get(0)).startsWith("checks.yaml:").contains("invalid YAML");
    }

    @Test
    void wrongApiVersionIsAnError() {
        List<ManifestEntry> entries = ManifestReader.read(FILE, """
                apiVersion: tlscheck.io/v1
                kind: TlsCheck
                metadata:
                  name: future
                spec:
                  host: example.com
                """);

        assertThat(entries.get(0).errors()).containsExactly(
                "checks.yaml:1: apiVersion must be tlscheck.io/v1alpha1 (got 'tlscheck.io/v1')");
    }
}
