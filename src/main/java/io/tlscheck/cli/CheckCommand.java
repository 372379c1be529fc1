package io.tlscheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.tlscheck.cli.check.CheckOutcome;
import io.tlscheck.cli.check.JUnitReport;
import io.tlscheck.cli.check.ManifestRunner;
import io.tlscheck.cli.check.OutcomeTable;
import io.tlscheck.cli.check.OutcomeView;
import io.tlscheck.cli.check.Progress;
import io.tlscheck.cli.output.Mappers;
import io.tlscheck.engine.Pem;
import io.tlscheck.engine.Verdict;
import io.tlscheck.manifest.ManifestEntry;
import io.tlscheck.manifest.ManifestReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tlscheck check -f FILE|DIR}: runs TlsCheck manifests from Git without a cluster. */
@Command(name = "check", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Run the TlsCheck manifests in files or directories (host targets; others are skipped).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:all Healthy (or skipped); with --dry-run: all valid", "1:worst is Warning",
            "2:worst is Failing, Unknown or an invalid manifest", "64:bad usage"})
final class CheckCommand implements Callable<Integer> {
    /** Output formats of {@code check}. */
    enum Format {
        table, json, junit
    }

    @Option(names = {"-f", "--filename"}, paramLabel = "FILE|DIR", required = true,
            description = "Manifest file or directory (searched for *.yaml and *.yml); repeatable.")
    List<Path> paths = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "table, json or junit (default: ${DEFAULT-VALUE}).")
    Format output;

    @Option(names = "--ca-file", paramLabel = "PEM",
            description = "Trust these CA certificates too, and in place of in-cluster caBundle references.")
    List<Path> caFiles = new ArrayList<>();

    @Option(names = "--dry-run",
            description = "Only read and validate the manifests (YAML, fields, the CRD's rules); connect to nothing.")
    boolean dryRun;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "16",
            description = "Checks run at once (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (parallel < 1 || parallel > 256) {
            throw new UsageException("--parallel must be between 1 and 256");
        }
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new UsageException(path + ": no such file or directory");
            }
        }
        List<X509Certificate> extraCas = new ArrayList<>();
        for (Path file : caFiles) {
            try {
                extraCas.addAll(Pem.readCertificates(file));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<ManifestEntry> entries = new ArrayList<>();
        for (Path file : ManifestReader.expand(paths)) {
            entries.addAll(ManifestReader.read(file));
        }
        if (entries.isEmpty()) {
            err.println("tlscheck: no TlsCheck manifests found in " + paths);
            return 0;
        }
        long started = System.nanoTime();
        List<CheckOutcome> outcomes;
        if (dryRun) {
            outcomes = ManifestRunner.validateOnly(entries);
        } else {
            try (Progress progress = new Progress(err, entries.size(), System.console() != null)) {
                outcomes = new ManifestRunner(Engines.inspector(), extraCas, parallel).run(entries, progress);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Instant now = Instant.now();
        for (CheckOutcome o : outcomes) {
            if (o.kind() == CheckOutcome.Kind.INVALID && output == Format.table) {
                o.entry().errors().forEach(err::println);
            }
        }
        err.flush();
        switch (output) {
            case table -> OutcomeTable.print(outcomes, now, out);
            case json -> out.println(Mappers.JSON.writeValueAsString(
                    outcomes.stream().map(o -> OutcomeView.of(o, now)).toList()));
            case junit -> out.print(JUnitReport.render(outcomes, seconds));
        }
        out.flush();
        return outcomes.stream().map(CheckOutcome::effectiveVerdict).reduce(Verdict.HEALTHY, Verdict::worse).exitCode();
    }
}
