package io.tlscheck.cli.check;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

import io.tlscheck.api.v1alpha1.TlsCheckSpec;
import io.tlscheck.engine.CheckRequest;
import io.tlscheck.engine.Endpoint;
import io.tlscheck.engine.Inspector;
import io.tlscheck.engine.IpLiterals;
import io.tlscheck.engine.Report;
import io.tlscheck.manifest.ManifestEntry;
import io.tlscheck.plan.SpecTranslator;

/**
 * Runs manifests without a cluster: host targets are checked, concurrently and bounded;
 * Service and Ingress targets, and checks that need a Secret, are skipped with the reason.
 */
public final class ManifestRunner {
    private final Inspector inspector;
    private final List<X509Certificate> extraCas;
    private final int parallelism;

    public ManifestRunner(Inspector inspector, List<X509Certificate> extraCas, int parallelism) {
        this.inspector = inspector;
        this.extraCas = List.copyOf(extraCas);
        this.parallelism = parallelism;
    }

    public List<CheckOutcome> run(List<ManifestEntry> entries, Progress progress) throws InterruptedException {
        Semaphore slots = new Semaphore(parallelism);
        List<Future<CheckOutcome>> futures = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (ManifestEntry entry : entries) {
                futures.add(executor.submit(() -> {
                    slots.acquire();
                    try {
                        return outcome(entry);
                    } finally {
                        slots.release();
                        progress.completed();
                    }
                }));
            }
            List<CheckOutcome> outcomes = new ArrayList<>();
            for (Future<CheckOutcome> future : futures) {
                try {
                    outcomes.add(future.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a check failed unexpectedly", e.getCause());
                }
            }
            return outcomes;
        }
    }

    /**
     * {@code --dry-run}: each manifest as read and validated (YAML, fields, the CRD's rules),
     * without a connection, a DNS lookup or a file beyond the manifests.
     */
    public static List<CheckOutcome> validateOnly(List<ManifestEntry> entries) {
        return entries.stream().map(entry -> entry.valid()
                ? CheckOutcome.valid(entry, target(entry.check().getSpec()))
                : CheckOutcome.invalid(entry)).toList();
    }

    private CheckOutcome outcome(ManifestEntry entry) {
        if (!entry.valid()) {
            return CheckOutcome.invalid(entry);
        }
        TlsCheckSpec spec = entry.check().getSpec();
        if (spec.getService() != null) {
            return CheckOutcome.skipped(entry, target(spec), "Service targets are resolved by the operator in a cluster");
        }
        if (spec.getIngress() != null) {
            return CheckOutcome.skipped(entry, target(spec), "Ingress targets are resolved by the operator in a cluster");
        }
        Endpoint endpoint = endpoint(spec);
        String target = target(spec);
        if (spec.getClientCertificate() != null) {
            return CheckOutcome.skipped(entry, target, "the client certificate is in Secret "
                    + spec.getClientCertificate().getSecretName() + ", which only the operator can read");
        }
        boolean hasBundle = spec.getTrust() != null && spec.getTrust().getCaBundle() != null;
        if (hasBundle && extraCas.isEmpty()) {
            return CheckOutcome.skipped(entry, target,
                    "trust.caBundle is read from the cluster; pass --ca-file to run this check offline");
        }
        CheckRequest request = CheckRequest.of(endpoint, SpecTranslator.probeOptions(spec, null),
                SpecTranslator.expectations(spec.getExpect()), SpecTranslator.trust(spec, extraCas));
        long started = System.nanoTime();
        Report report = inspector.inspect(request);
        return CheckOutcome.checked(entry, target, report, Duration.ofNanos(System.nanoTime() - started));
    }

    /** {@code host:port}, {@code service/web} or {@code ingress/shop}, as the operator's status names it. */
    private static String target(TlsCheckSpec spec) {
        if (spec.getService() != null) {
            return "service/" + spec.getService().getName();
        }
        if (spec.getIngress() != null) {
            return "ingress/" + spec.getIngress().getName();
        }
        return spec.getHost() + ":" + SpecTranslator.port(spec);
    }

    private static Endpoint endpoint(TlsCheckSpec spec) {
        int port = SpecTranslator.port(spec);
        String serverName = spec.getServerName() != null ? spec.getServerName()
                : IpLiterals.isIpLiteral(spec.getHost()) ? null : spec.getHost();
        return new Endpoint(spec.getHost(), port, serverName);
    }
}
