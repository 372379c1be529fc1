package io.tlscheck.sidecar;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.tlscheck.cli.UsageException;
import io.tlscheck.engine.Inspector;
import io.tlscheck.engine.Pem;
import io.tlscheck.engine.revocation.HttpRevocationChecker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tlscheck sidecar --config FILE}: checks the TlsChecks in a file on their intervals,
 * beside the app they check, and serves metrics and a readiness endpoint. Like the other
 * commands it runs outside Quarkus: a sidecar sits in every app pod, so it must stay small.
 */
@Command(name = "sidecar", sortOptions = false,
        description = {"Check the TlsChecks in a file on their intervals (typically the app's own listener "
            + "on localhost) and serve /q/metrics, /q/health/live and /q/health/ready. Needs no API server.",
            "A check annotated tlscheck.io/readiness: \"true\" makes readiness fail (503) while its verdict is Failing."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped (SIGTERM)", "64:bad usage or a config the sidecar cannot run (errors on stderr)"})
public final class SidecarCommand implements Callable<Integer> {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE", required = true,
            description = "TlsCheck YAML (host targets); repeatable. Every entry must be valid or the sidecar does not start.")
    List<Path> configs = new ArrayList<>();

    @Option(names = "--listen", paramLabel = "[HOST:]PORT", defaultValue = "0.0.0.0:9090",
            description = "Where to serve metrics and health (default: ${DEFAULT-VALUE}).")
    String listen;

    @Option(names = "--ca-file", paramLabel = "PEM",
            description = "Trust these CA certificates too, and in place of trust.caBundle references; repeatable.")
    List<Path> caFiles = new ArrayList<>();

    @Option(names = "--client-cert", paramLabel = "PEM",
            description = "Client certificate (chain) for the checks that declare clientCertificate, "
                    + "for example from the mounted Secret; re-read when it changes.")
    Path clientCert;

    @Option(names = "--client-key", paramLabel = "PEM", description = "Its private key (never logged).")
    Path clientKey;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "4",
            description = "Checks in flight at once (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        SidecarLog log = new SidecarLog(spec.commandLine().getErr());
        Sidecar sidecar = open(log, Pacing.SPEC);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("tlscheck-shutdown").unstarted(() -> {
            log.info("stopping");
            sidecar.close();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }

    /** Reads the options and the config, listens and starts the checks; tests pass a faster {@link Pacing}. */
    Sidecar open(SidecarLog log, Pacing pacing) throws IOException {
        if (parallel < 1 || parallel > 64) {
            throw new UsageException("--parallel must be between 1 and 64");
        }
        InetSocketAddress address = ListenAddress.parse(listen);
        for (Path config : configs) {
            if (!Files.isRegularFile(config)) {
                throw new UsageException(config + ": " + (Files.isDirectory(config)
                        ? "is a directory; give the file itself, such as /etc/tlscheck/checks.yaml"
                        : "no such file"));
            }
        }
        List<X509Certificate> extraCas = new ArrayList<>();
        for (Path file : caFiles) {
            extraCas.addAll(readPem(() -> Pem.readCertificates(file)));
        }
        if ((clientCert == null) != (clientKey == null)) {
            throw new UsageException("--client-cert and --client-key go together");
        }
        ClientCertificateFiles client = clientCert == null ? null
                : readPem(() -> ClientCertificateFiles.load(clientCert, clientKey, log::warn));
        List<SidecarCheck> checks;
        try {
            checks = SidecarConfig.load(configs, extraCas, client);
        } catch (SidecarConfig.InvalidConfigException e) {
            e.errors().forEach(spec.commandLine().getErr()::println);
            throw new UsageException(e.getMessage() + "; the sidecar does not start");
        }
        if (client != null && checks.stream().noneMatch(c -> c.client() != null)) {
            log.warn("--client-cert is given but no check declares clientCertificate; it is not used");
        }
        Sidecar sidecar;
        try {
            sidecar = Sidecar.start(checks, address, Inspector.withDefaults(new HttpRevocationChecker()), pacing,
                    parallel, log);
        } catch (IOException e) {
            throw new UsageException("cannot listen on " + listen + ": " + e.getMessage());
        }
        long forReadiness = checks.stream().filter(SidecarCheck::readiness).count();
        InetSocketAddress bound = sidecar.address();
        log.info("tlscheck sidecar listening on " + bound.getHostString() + ":" + bound.getPort() + ": " + checks.size()
                + (checks.size() == 1 ? " check" : " checks") + " from " + configs + ", " + forReadiness
                + " for readiness");
        return sidecar;
    }

    private static <T> T readPem(java.util.function.Supplier<T> reader) {
        try {
            return reader.get();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
