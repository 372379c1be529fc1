package io.tlscheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tlscheck.testing.CliRun;
import io.tlscheck.testing.Issued;
import io.tlscheck.testing.PemFiles;
import io.tlscheck.testing.TestCertificates;
import io.tlscheck.testing.TestTlsServer;

/** {@code tlscheck bench}: the output contract bench/run.sh parses, and its bounds. */
class BenchCommandTest {
    @TempDir
    Path dir;

    @Test
    void printsChecksPerSecondAndPercentilesAndStopsAtTheCount() throws IOException {
        Issued ca = TestCertificates.ca("Bench Root").build();
        try (TestTlsServer server = TestTlsServer.serving(TestCertificates.leaf("bench.test").issuedBy(ca).build()).start()) {
            String caFile = PemFiles.write(dir, "ca.pem", ca.certificate()).toString();

            CliRun run = CliRun.of("bench", "127.0.0.1:" + server.port(), "--servername", "bench.test",
                    "--ca-file", caFile, "--no-system-roots", "--concurrency", "2", "--duration", "20s",
                    "--warmup", "0s", "--max-checks", "40");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).containsPattern("(?m)^\\d+\\.\\d checks/s  \\(40 checks in ")
                    .containsPattern("latency p50 [\\d.]+ ms, p90 [\\d.]+ ms, p99 [\\d.]+ ms")
                    .containsPattern("(?m)^cpu [\\d.]+ ms per check")
                    .contains("verdicts Healthy 40");
            assertThat(server.handshakes()).isGreaterThanOrEqualTo(40);
        }
    }

    @Test
    void warmsUpUntilTheJitSettlesOrTheLimit() throws IOException {
        Issued ca = TestCertificates.ca("Bench Warm Root").build();
        try (TestTlsServer server = TestTlsServer.serving(TestCertificates.leaf("bench.test").issuedBy(ca).build()).start()) {
            String caFile = PemFiles.write(dir, "ca.pem", ca.certificate()).toString();

            CliRun run = CliRun.of("bench", "127.0.0.1:" + server.port(), "--servername", "bench.test",
                    "--ca-file", caFile, "--no-system-roots", "--concurrency", "2", "--duration", "1s",
                    "--warmup", "1s", "--warmup-max", "3s", "--max-checks", "20");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).containsPattern("(?m)^warm-up [\\d.]+ s \\((JIT compiler settled|time limit; .*)\\)$");
        }
    }

    @Test
    void refusesUnboundedRuns() {
        CliRun run = CliRun.of("bench", "127.0.0.1:1", "--duration", "2h");

        assertThat(run.exitCode()).isEqualTo(64);
        assertThat(run.err()).contains("limited to 10m");
    }
}
