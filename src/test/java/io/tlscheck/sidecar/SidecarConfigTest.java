package io.tlscheck.sidecar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.tlscheck.testing.CliRun;

/**
 * A config the sidecar cannot run in full refuses the start: exit 64, every problem on stderr
 * as {@code file:line: message}, nothing listening. (A sidecar that started anyway would block
 * these tests until the timeout.)
 */
@Timeout(60)
class SidecarConfigTest {
    /** A valid check, 6 lines. */
    private static final String APP = """
            apiVersion: tlscheck.io/v1alpha1
            kind: TlsCheck
            metadata:
              name: app
            spec:
              host: 127.0.0.1
            """;

    @TempDir
    Path dir;

    private CliRun sidecar(Path config, String... more) {
        String[] args = new String[4 + more.length];
        args[0] = "sidecar";
        args[1] = "--config";
        args[2] = config.toString();
        args[3] = "--listen=127.0.0.1:0";
        System.arraycopy(more, 0, args, 4, more.length);
        return CliRun.of(args);
    }

    @Test
    void invalidEntriesRefuseTheStartWithFileAndLine() throws IOException {
        Path config = Files.writeString(dir.resolve("checks.yaml"), APP + """
                ---
                apiVersion: tlscheck.io/v1alpha1
                kind: TlsCheck
                metadata:
                  name: bad
                spec:
                  host: 127.0.0.1
                  port: 0
                  interval: 5s
                """);

        CliRun run = sidecar(config);

        assertThat(run.exitCode()).isEqualTo(64);
        assertThat(run.err()).contains(config + ":14: spec.port: must be between 1 and 65535 (got 0)")
                .contains(config + ":15: spec.interval: must be at least 10s")
                .contains(config + ":12: spec.timeout: must be shorter than the interval")
                .contains("tlscheck: 3 problems in the config; the sidecar does not start")
                .doesNotContain("listening");
    }

    @Test
    void whatNeedsAClusterIsRefusedAtItsLine() throws IOException {
        Path config = Files.writeString(dir.resolve("cluster.yaml"), """
                apiVersion: tlscheck.io/v1alpha1
                kind: TlsCheck
                metadata:
                  name: web
                spec:
                  service:
                    name: web
                    port: https
                ---
                apiVersion: tlscheck.io/v1alpha1
                kind: TlsCheck
                metadata:
                  name: site
                spec:
                  ingress:
                    name: site
                ---
                apiVersion: tlscheck.io/v1alpha1
                kind: TlsCheck
                metadata:
                  name: app
                  annotations:
                    tlscheck.io/readiness: "yes"
                spec:
                  host: 127.0.0.1
                  port: 8443
                  trust:
                    caBundle:
                      configMapKeyRef: {name: app-ca, key: ca.crt}
                  clientCertificate:
                    secretName: app-client
                  expect:
                    matchSecret:
                      name: app-tls
                """);

        CliRun run = sidecar(config);

        assertThat(run.exitCode()).isEqualTo(64);
        assertThat(run.err())
                .contains(config + ":6: spec.service: Service targets need the operator")
                .contains(config + ":15: spec.ingress: Ingress targets need the operator")
                .contains(config + ":28: spec.trust.caBundle: is read from the cluster")
                .contains("--ca-file")
                .contains(config + ":30: spec.clientCertificate: Secret app-client is read from the cluster")
                .contains("--client-cert and --client-key")
                .contains(config + ":33: spec.expect.matchSecret: needs the operator")
                .contains(config + ":22: metadata.annotations: tlscheck.io/readiness must be \"true\" or \"false\" (got \"yes\")");
    }

    @Test
    void duplicateNamesAndEmptyFilesAreRefused() throws IOException {
        Path config = Files.writeString(dir.resolve("twice.yaml"), APP + "---\n" + APP);
        Path empty = Files.writeString(dir.resolve("empty.yaml"), "apiVersion: v1\nkind: ConfigMap\n");

        CliRun run = sidecar(config, "--config", empty.toString());

        assertThat(run.exitCode()).isEqualTo(64);
        assertThat(run.err()).contains(config + ":8: metadata.name: app is already defined at " + config + ":1")
                .contains(empty + ": no TlsCheck in this file");
    }

    @Test
    void badOptionsAreUsageErrors() throws IOException {
        Path config = Files.writeString(dir.resolve("ok.yaml"), APP);

        assertThat(sidecar(dir.resolve("missing.yaml")).err()).contains("missing.yaml: no such file");
        assertThat(sidecar(dir).err()).contains("is a directory; give the file itself");
        CliRun badListen = CliRun.of("sidecar", "--config", config.toString(), "--listen", "127.0.0.1:http");
        assertThat(badListen.exitCode()).isEqualTo(64);
        assertThat(badListen.err()).contains("--listen '127.0.0.1:http': expected [HOST:]PORT");
        CliRun halfClient = sidecar(config, "--client-cert", config.toString());
        assertThat(halfClient.exitCode()).isEqualTo(64);
        assertThat(halfClient.err()).contains("--client-cert and --client-key go together");
        CliRun noConfig = CliRun.of("sidecar");
        assertThat(noConfig.exitCode()).isEqualTo(64);
        assertThat(noConfig.err()).contains("Missing required option: '--config=FILE'");
    }
}
