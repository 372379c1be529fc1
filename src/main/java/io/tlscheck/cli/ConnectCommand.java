package io.tlscheck.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.tlscheck.cli.output.Mappers;
import io.tlscheck.cli.output.ReportView;
import io.tlscheck.cli.output.TextReport;
import io.tlscheck.engine.CheckRequest;
import io.tlscheck.engine.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tlscheck connect HOST:PORT}: one check, reported like s_client but judged. */
@Command(name = "connect", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Connect to HOST:PORT, show the served chain and judge it.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:Healthy", "1:Warning", "2:Failing or Unknown", "64:bad usage"})
final class ConnectCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "HOST:PORT", description = "Endpoint to check (port defaults to 443).")
    String target;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    ExpectationOptions expectations;

    @Option(names = "--showcerts", description = "Print each served certificate as PEM too.")
    boolean showCerts;

    @Option(names = "--enumerate", description = "Also list every protocol version and cipher suite the server accepts.")
    boolean enumerate;

    @Option(names = "--enumerate-budget", paramLabel = "DURATION", defaultValue = "60s",
            converter = DurationConverter.class, description = "Bound for the whole enumeration (default: ${DEFAULT-VALUE}).")
    Duration enumerationBudget;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json or yaml (default: ${DEFAULT-VALUE}).")
    OutputFormat output;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws JsonProcessingException {
        HostPort hostPort = HostPort.parse(target);
        CheckRequest request = new CheckRequest(connection.endpoint(hostPort), connection.probeOptions(),
                expectations.expectations(), connection.trustAnchors(), enumerate, enumerationBudget);
        Report report = Engines.inspector().inspect(request);
        PrintWriter out = spec.commandLine().getOut();
        switch (output) {
            case text -> new TextReport(out, showCerts, Instant.now()).print(report);
            case json -> out.println(Mappers.JSON.writeValueAsString(ReportView.of(report, showCerts)));
            case yaml -> out.print(Mappers.YAML.writeValueAsString(ReportView.of(report, showCerts)));
        }
        out.flush();
        return report.verdict().exitCode();
    }
}
