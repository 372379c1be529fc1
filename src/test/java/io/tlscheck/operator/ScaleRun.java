package io.tlscheck.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.tlscheck.api.v1alpha1.TlsCheck;
import io.tlscheck.api.v1alpha1.TlsCheckSpec;
import io.tlscheck.engine.Pem;
import io.tlscheck.testing.Issued;
import io.tlscheck.testing.KubePlane;
import io.tlscheck.testing.NginxServer;
import io.tlscheck.testing.OperatorProcess;
import io.tlscheck.testing.PemFiles;
import io.tlscheck.testing.TestCertificates;
import io.tlscheck.testing.TestTrust;

/**
 * The scale run of e2e/scale.sh (not part of the normal build: run with
 * {@code -Dit.test=ScaleRun -Dscale.checks=1000}): N TlsChecks against one local nginx on the
 * real control plane; reports operator RSS, time from create to first status (p50, p99) and
 * status writes per steady interval. {@code -Dscale.createPerSecond=N} paces the creates (as a
 * GitOps sync would); unset, 8 threads create them as fast as the API server takes them.
 */
class ScaleRun {
    private static final String NS = "scale";

    @Test
    void run() throws Exception {
        int count = Integer.getInteger("scale.checks", 1000);
        Duration interval = Duration.ofSeconds(Long.getLong("scale.intervalSeconds", 60));
        int createPerSecond = Integer.getInteger("scale.createPerSecond", 0);
        KubernetesClient client = KubePlane.client();
        KubePlane.applyCrd();
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
                .serverSideApply();
        Path dir = Files.createTempDirectory(Path.of("target"), "scale-");
        Issued ca = TestCertificates.ca("Scale Root").build();
        Issued leaf = TestCertificates.leaf("scale.test").issuedBy(ca).build();
        client.configMaps().inNamespace(NS).resource(new ConfigMapBuilder().withNewMetadata().withName("ca").endMetadata()
                .withData(Map.of("ca.crt", Pem.write(ca.certificate()))).build()).serverSideApply();
        Map<String, Long> created = new ConcurrentHashMap<>();
        Map<String, Long> firstStatus = new ConcurrentHashMap<>();
        // What a status write in the steady interval changed: each should have a reason.
        List<String> steadyChanges = Collections.synchronizedList(new ArrayList<>());
        Map<String, String> lastSeen = new ConcurrentHashMap<>();
        Map<String, String> lastSummary = new ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicBoolean steady = new java.util.concurrent.atomic.AtomicBoolean();
        try (NginxServer nginx = NginxServer.start(dir, PemFiles.write(dir, "leaf.pem", leaf.certificate()),
                PemFiles.write(dir, "leaf.key", leaf.keyPair().getPrivate()));
             OperatorProcess operator = OperatorProcess.start(KubePlane.kubeconfig(), Map.of());
             var watch = client.resources(TlsCheck.class).inNamespace(NS).watch(new Watcher<>() {
                 @Override
                 public void eventReceived(Action action, TlsCheck check) {
                     if (check.getStatus() != null && check.getStatus().getVerdict() != null) {
                         firstStatus.putIfAbsent(check.getMetadata().getName(), System.nanoTime());
                         String now = io.fabric8.kubernetes.client.utils.Serialization.asJson(check.getStatus());
                         String summary = check.getStatus().getVerdict() + "/" + check.getStatus().getReason();
                         String before = lastSeen.put(check.getMetadata().getName(), now);
                         String summaryBefore = lastSummary.put(check.getMetadata().getName(), summary);
                         if (steady.get() && before != null && !before.equals(now)) {
                             steadyChanges.add(check.getMetadata().getName() + ": " + summaryBefore + " -> " + summary);
                         }
                     }
                 }

                 @Override
                 public void onClose(WatcherException cause) {
                     // The run ends by closing it.
                 }
             })) {
            long createStarted = System.nanoTime();
            double[] cpuBefore = burstCpuSeconds(operator.pid());
            ExecutorService creators = Executors.newFixedThreadPool(8);
            long paceStart = System.nanoTime();
            for (int i = 0; i < count; i++) {
                if (createPerSecond > 0) {
                    long due = paceStart + TimeUnit.SECONDS.toNanos(i) / createPerSecond;
                    TimeUnit.NANOSECONDS.sleep(due - System.nanoTime());
                }
                String name = String.format(Locale.ROOT, "check-%05d", i);
                creators.submit(() -> {
                    TlsCheck check = check(name, nginx.port(), interval);
                    created.put(name, System.nanoTime());
                    client.resources(TlsCheck.class).inNamespace(NS).resource(check).create();
                });
            }
            creators.shutdown();
            assertThat(creators.awaitTermination(10, TimeUnit.MINUTES)).isTrue();
            double createSeconds = (System.nanoTime() - createStarted) / 1e9;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (firstStatus.size() < count && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            double[] cpuAfter = burstCpuSeconds(operator.pid());
            List<Double> latencies = new ArrayList<>();
            created.forEach((name, t) -> {
                Long done = firstStatus.get(name);
                if (done != null) {
                    latencies.add((done - t) / 1e9);
                }
            });
            Collections.sort(latencies);
            Thread.sleep(5_000);
            // Two intervals: the first after the burst of first checks still carries the
            // recoveries of checks that the burst itself made fail (a handshake that waited too
            // long for CPU); the second is the steady state.
            steady.set(true);
            double writesFirst = writesDuring(interval.plusSeconds(interval.getSeconds() / 5));
            // Scrapes outside the CPU window: a scrape of 1,000 checks' series is not a check.
            double checksBefore = checksRun(operator);
            double steadyCpuBefore = cpuSeconds(operator.pid());
            double writesPerCycle = writesDuring(interval.plusSeconds(interval.getSeconds() / 5));
            double steadyCpu = cpuSeconds(operator.pid()) - steadyCpuBefore;
            double steadyChecks = checksRun(operator) - checksBefore;
            steady.set(false);
            long rssKib = rssKib(operator.pid());
            String report = String.format(Locale.ROOT,
                    "scale: %d TlsChecks, interval %ds: %d got a status; create->status p50 %.2fs, p99 %.2fs, max %.2fs; "
                            + "operator RSS %d MiB; status writes in the first interval after that: %.0f, in the next: %.0f "
                            + "(creating them took %.1fs from 8 client threads%s); CPU from the first create to the "
                            + "last first status: operator %.1fs (%.1f ms per check), kube-apiserver %.1fs, etcd %.1fs; "
                            + "in the steady interval the operator ran %.0f checks on %.1fs of CPU (%.1f ms per check)",
                    count, interval.getSeconds(), latencies.size(), percentile(latencies, 50), percentile(latencies, 99),
                    percentile(latencies, 100), rssKib / 1024, writesFirst, writesPerCycle, createSeconds,
                    createPerSecond > 0 ? ", paced at " + createPerSecond + "/s" : "",
                    cpuAfter[0] - cpuBefore[0], (cpuAfter[0] - cpuBefore[0]) * 1000 / count,
                    cpuAfter[1] - cpuBefore[1], cpuAfter[2] - cpuBefore[2],
                    steadyChecks, steadyCpu, steadyCpu * 1000 / Math.max(1, steadyChecks));
            steadyChanges.stream().limit(20).forEach(change -> System.out.println("scale: steady write " + change));
            System.out.println(report);
            Files.writeString(Path.of("target/scale-report.txt"), report + "\n");
            assertThat(latencies).hasSize(count);
        } finally {
            client.resources(TlsCheck.class).inNamespace(NS).delete();
        }
    }

    private static TlsCheck check(String name, int port, Duration interval) {
        TlsCheckSpec spec = new TlsCheckSpec();
        spec.setHost("127.0.0.1");
        spec.setPort(port);
        spec.setServerName("scale.test");
        spec.setInterval(interval.getSeconds() + "s");
        spec.setTimeout("5s");
        spec.setTrust(TestTrust.onlyConfigMap("ca", "ca.crt"));
        TlsCheck check = new TlsCheck();
        check.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NS).build());
        check.setSpec(spec);
        return check;
    }

    private static double writesDuring(Duration window) throws Exception {
        double before = KubePlane.statusWrites("tlschecks");
        Thread.sleep(window.toMillis());
        return KubePlane.statusWrites("tlschecks") - before;
    }

    private static double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    /** Checks the operator has run so far: the sum of its tlscheck_checks_total counters. */
    private static double checksRun(OperatorProcess operator) throws Exception {
        double total = 0;
        for (String line : operator.metrics().split("\n")) {
            if (line.startsWith("tlscheck_checks_total{")) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return total;
    }

    /**
     * CPU seconds so far of the operator, kube-apiserver and etcd (all on this machine's two
     * cores): where the burst's time went.
     */
    private static double[] burstCpuSeconds(long operatorPid) throws java.io.IOException {
        java.util.Properties state = new java.util.Properties();
        try (var in = Files.newBufferedReader(Path.of("e2e/.work/state"))) {
            state.load(in);
        }
        return new double[] {cpuSeconds(operatorPid), cpuSeconds(Long.parseLong(state.getProperty("apiserver_pid", "-1"))),
                cpuSeconds(Long.parseLong(state.getProperty("etcd_pid", "-1")))};
    }

    /** User plus system time from /proc/PID/stat (fields 14 and 15, in clock ticks of 1/100 s on Linux). */
    private static double cpuSeconds(long pid) throws java.io.IOException {
        Path stat = Path.of("/proc/" + pid + "/stat");
        if (pid <= 0 || !Files.exists(stat)) {
            return Double.NaN;
        }
        String text = Files.readString(stat);
        // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
        String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    private static long rssKib(long pid) throws java.io.IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
