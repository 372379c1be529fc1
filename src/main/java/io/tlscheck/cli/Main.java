package io.tlscheck.cli;

import java.io.PrintWriter;

import io.tlscheck.engine.TlsRuntime;
import io.tlscheck.sidecar.SidecarCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code tlscheck} command line. It runs on the engine classes directly, outside Quarkus:
 * a CLI in a CI pipeline must start fast and must not open an HTTP port or look for a cluster.
 */
@Command(name = "tlscheck", mixinStandardHelpOptions = true, versionProvider = VersionCommand.class,
        description = "Checks TLS endpoints the way openssl s_client does by hand, and judges what it sees.",
        subcommands = {ConnectCommand.class, CheckCommand.class, BenchCommand.class, SidecarCommand.class,
            VersionCommand.class})
public final class Main {
    /** sysexits.h EX_USAGE. */
    static final int EXIT_USAGE = 64;
    /** sysexits.h EX_SOFTWARE. */
    static final int EXIT_INTERNAL = 70;

    public static void main(String[] args) {
        // Before anything can touch JSSE, which reads these settings once.
        TlsRuntime.configure();
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command line and returns its exit code; the entry point for tests too. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((ex, ignored) -> {
            err.println("tlscheck: " + ex.getMessage());
            err.println("Try 'tlscheck " + commandPath(ex.getCommandLine()) + "--help' for more information.");
            return EXIT_USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof UsageException) {
                err.println("tlscheck: " + ex.getMessage());
                return EXIT_USAGE;
            }
            err.println("tlscheck: internal error: " + ex);
            return EXIT_INTERNAL;
        });
        if (args.length == 0) {
            cli.usage(err);
            return EXIT_USAGE;
        }
        return cli.execute(args);
    }

    private static String commandPath(CommandLine commandLine) {
        String name = commandLine.getCommandName();
        return name.equals("tlscheck") ? "" : name + " ";
    }
}
