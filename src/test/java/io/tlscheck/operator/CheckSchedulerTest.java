package io.tlscheck.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.tlscheck.engine.CheckRequest;
import io.tlscheck.engine.Endpoint;
import io.tlscheck.engine.Expectations;
import io.tlscheck.engine.Inspector;
import io.tlscheck.engine.ProbeOptions;
import io.tlscheck.engine.Report;
import io.tlscheck.engine.TrustAnchors;
import io.tlscheck.engine.Verdict;
import io.tlscheck.engine.revocation.RevocationChecker;
import io.tlscheck.operator.CheckScheduler.Urgency;
import io.tlscheck.testing.Issued;
import io.tlscheck.testing.SwitchingProxy;
import io.tlscheck.testing.TestCertificates;
import io.tlscheck.testing.TestTlsServer;

/**
 * The scheduler against real peers on 127.0.0.1. Waits for what must happen are bounded
 * generously; "must not happen" is a short quiet window after which nothing may have arrived.
 */
class CheckSchedulerTest {
    private static final ResourceID WEB = new ResourceID("web-tls", "shop");
    private static final ResourceID API = new ResourceID("api-tls", "shop");
    private static final Duration HOURLY = Duration.ofHours(1);
    private static final Issued CA = TestCertificates.ca("Shop CA").ec(256).build();
    private static final Inspector INSPECTOR = Inspector.withDefaults(RevocationChecker.NONE);

    private static TestTlsServer server;

    private final Recorder listener = new Recorder();
    private CheckScheduler scheduler;

    @BeforeAll
    static void startServer() {
        server = TestTlsServer.serving(TestCertificates.leaf("web.shop.svc").ec(256).issuedBy(CA).build()).start();
    }

    @AfterAll
    static void stopServer() throws IOException {
        server.close();
    }

    @AfterEach
    void stopScheduler() {
        if (scheduler != null) {
            scheduler.close();
        }
    }

    private CheckScheduler scheduler(int maxConcurrent) {
        scheduler = new CheckScheduler(INSPECTOR, maxConcurrent, listener, Clock.systemUTC());
        return scheduler;
    }

    @Test
    void aNewPlanRunsAtOnceAndItsRunIsHandedBack() throws Exception {
        CheckPlan plan = plan("a", HOURLY, server.port(), 1);

        assertThat(scheduler(4).update(WEB, plan, Urgency.NOW)).isEmpty();

        Finished finished = listener.next();
        assertThat(finished.id()).isEqualTo(WEB);
        assertThat(finished.run().planFingerprint()).isEqualTo("a");
        assertThat(finished.run().results()).singleElement()
                .satisfies(r -> assertThat(r.report().verdict()).isEqualTo(Verdict.HEALTHY));
        assertThat(scheduler.update(WEB, plan, Urgency.NOW)).contains(finished.run());
    }

    @Test
    void anUnchangedPlanKeepsItsSchedule() throws Exception {
        try (TestTlsServer own = ownServer()) {
            scheduler(4).update(WEB, plan("a", HOURLY, own.port(), 1), Urgency.NOW);
            listener.next();

            assertThat(scheduler.update(WEB, plan("a", HOURLY, own.port(), 1), Urgency.NOW)).isPresent();

            listener.assertQuiet();
            assertThat(own.handshakes()).isEqualTo(1);
        }
    }

    @Test
    void aChangedPlanRunsAgainAtOnce() throws Exception {
        scheduler(4).update(WEB, plan("a", HOURLY, server.port(), 1), Urgency.NOW);
        listener.next();

        assertThat(scheduler.update(WEB, plan("b", HOURLY, server.port(), 1), Urgency.NOW)).isEmpty();

        assertThat(listener.next().run().planFingerprint()).isEqualTo("b");
    }

    @Test
    void aPlanChangedDuringItsRunRunsAgainRightAfter() throws Exception {
        try (HoldingServer slow = new HoldingServer(300)) {
            scheduler(4).update(WEB, plan("a", HOURLY, slow.port(), 1), Urgency.NOW);
            slow.awaitAccepted(1);

            scheduler.update(WEB, plan("b", HOURLY, slow.port(), 1), Urgency.NOW);

            assertThat(listener.next().run().planFingerprint()).isEqualTo("a");
            assertThat(listener.next().run().planFingerprint()).isEqualTo("b");
        }
    }

    @Test
    void checksAgainOnItsInterval() throws Exception {
        scheduler(4).update(WEB, plan("a", Duration.ofMillis(300), server.port(), 1), Urgency.NOW);

        assertThat(listener.next().run().planFingerprint()).isEqualTo("a");
        assertThat(listener.next().run().planFingerprint()).isEqualTo("a");
    }

    @Test
    void aForgottenCheckIsNotRunAgain() throws Exception {
        scheduler(4);
        // Forget as the first run is reported, long before the next one (300 ms on) is due.
        listener.onFinished = (id, run) -> scheduler.forget(id);
        scheduler.update(WEB, plan("a", Duration.ofMillis(300), server.port(), 1), Urgency.NOW);
        listener.next();

        listener.assertQuiet();
        assertThat(scheduler.knows(WEB)).isFalse();
    }

    @Test
    void aCheckThatNoLongerExistsIsDroppedWithoutConnecting() throws Exception {
        listener.exists = false;
        try (TestTlsServer own = ownServer()) {
            scheduler(4).update(WEB, plan("a", HOURLY, own.port(), 1), Urgency.NOW);

            assertThat(listener.gone.poll(10, TimeUnit.SECONDS)).isEqualTo(WEB);
            assertThat(scheduler.knows(WEB)).isFalse();
            listener.assertQuiet();
            assertThat(own.handshakes()).isZero();
        }
    }

    /** A server of the test's own: a run of another test still finishing must not count there. */
    private static TestTlsServer ownServer() {
        return TestTlsServer.serving(TestCertificates.leaf("web.shop.svc").ec(256).issuedBy(CA).build()).start();
    }

    @Test
    void noMoreThanMaxConcurrentProbesAreInFlightAcrossChecks() throws Exception {
        try (HoldingServer peer = new HoldingServer(100)) {
            scheduler(1).update(WEB, plan("a", HOURLY, peer.port(), 3), Urgency.NOW);
            scheduler.update(API, plan("b", HOURLY, peer.port(), 3), Urgency.NOW);
            listener.next();
            listener.next();

            // Each check's first run ends Unknown and is looked at once more before it is reported.
            assertThat(peer.accepted.get()).isEqualTo(12);
            assertThat(peer.most.get()).isEqualTo(1);
        }
    }

    @Test
    void probesOfOneCheckRunSideBySideUpToTheBound() throws Exception {
        // The counterpart of the test above: the peer does see overlapping probes when allowed.
        try (HoldingServer peer = new HoldingServer(500)) {
            scheduler(2).update(WEB, plan("a", HOURLY, peer.port(), 4), Urgency.NOW);
            listener.next();

            assertThat(peer.most.get()).isEqualTo(2);
        }
    }

    @Test
    void aNewUnknownIsLookedAtTwiceBeforeItIsReported() throws Exception {
        try (HoldingServer peer = new HoldingServer(50)) {
            scheduler(4).update(WEB, plan("a", HOURLY, peer.port(), 1), Urgency.NOW);

            Finished finished = listener.next();
            assertThat(finished.run().results()).singleElement()
                    .satisfies(r -> assertThat(r.report().verdict()).isEqualTo(Verdict.UNKNOWN));
            assertThat(peer.accepted.get()).isEqualTo(2);
            listener.assertQuiet();
        }
    }

    @Test
    void anUnknownThatClearsOnTheSecondLookIsNeverReported() throws Exception {
        try (HoldingServer silent = new HoldingServer(50); SwitchingProxy proxy = new SwitchingProxy(silent.port())) {
            scheduler(4).update(WEB, plan("a", HOURLY, proxy.port(), 1), Urgency.NOW);
            silent.awaitAccepted(1);
            proxy.switchTo(server.port());

            Finished finished = listener.next();
            assertThat(finished.run().results()).singleElement()
                    .satisfies(r -> assertThat(r.report().verdict()).isEqualTo(Verdict.HEALTHY));
            listener.assertQuiet();
        }
    }

    @Test
    void anUnknownAfterAnUnknownIsReportedWithoutASecondLook() throws Exception {
        try (HoldingServer peer = new HoldingServer(50)) {
            // Connections so far, as each run is reported (before the next run can start).
            List<Integer> seenAtReport = new CopyOnWriteArrayList<>();
            listener.onFinished = (id, run) -> seenAtReport.add(peer.accepted.get());
            scheduler(4).update(WEB, plan("a", Duration.ofMillis(300), peer.port(), 1), Urgency.NOW);
            listener.next();
            listener.next();

            assertThat(seenAtReport).as("the first Unknown looked at twice, the next one reported as it was")
                    .startsWith(2, 3);
        }
    }

    @Test
    void onlyMoreUnknownEndpointsThanLastReportedCallForASecondLook() {
        CheckRun healthy = run(Verdict.HEALTHY, Verdict.HEALTHY);
        CheckRun oneDown = run(Verdict.HEALTHY, Verdict.UNKNOWN);
        CheckRun failing = run(Verdict.FAILING, Verdict.HEALTHY);

        assertThat(UnknownConfirmation.needed(null, oneDown)).isTrue();
        assertThat(UnknownConfirmation.needed(healthy, oneDown)).isTrue();
        assertThat(UnknownConfirmation.needed(oneDown, oneDown)).isFalse();
        assertThat(UnknownConfirmation.needed(oneDown, healthy)).isFalse();
        assertThat(UnknownConfirmation.needed(null, failing)).as("a certificate that was seen").isFalse();
        for (int i = 0; i < 100; i++) {
            assertThat(UnknownConfirmation.delay()).isBetween(UnknownConfirmation.MIN_DELAY, UnknownConfirmation.MAX_DELAY);
        }
    }

    @Test
    void startupSpreadStaysWithinTheIntervalAndAMinute() {
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            Duration fiveMinutes = CheckScheduler.spread(Duration.ofMinutes(5));
            assertThat(fiveMinutes).isBetween(Duration.ZERO, Duration.ofSeconds(60));
            assertThat(CheckScheduler.spread(Duration.ofSeconds(10))).isBetween(Duration.ZERO, Duration.ofSeconds(10));
            seen.add(fiveMinutes.toSeconds() / 10);
        }
        assertThat(seen).as("tens of seconds used over the minute").contains(0L, 1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void intervalsDriftByAtMostATenth() {
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            Duration next = CheckScheduler.jittered(Duration.ofMinutes(5));
            assertThat(next).isBetween(Duration.ofSeconds(270), Duration.ofSeconds(330));
            seen.add(next.toSeconds());
        }
        assertThat(seen).hasSizeGreaterThan(30);
    }

    /** A finished run with one endpoint per verdict given. */
    private static CheckRun run(Verdict... verdicts) {
        List<EndpointResult> results = new ArrayList<>();
        for (Verdict verdict : verdicts) {
            results.add(new EndpointResult(new PlannedEndpoint(new Endpoint("127.0.0.1", 443, "web.shop.svc"), null, null),
                    new Report(null, null, List.of(), verdict, verdict.displayName(), "", null, List.of())));
        }
        return new CheckRun("a", Instant.EPOCH, Duration.ZERO, results);
    }

    /** {@code endpoints} endpoints on one loopback port, each asking for its own name. */
    private static CheckPlan plan(String fingerprint, Duration interval, int port, int endpoints) {
        List<PlannedCheck> checks = new ArrayList<>();
        for (int i = 0; i < endpoints; i++) {
            Endpoint endpoint = new Endpoint("127.0.0.1", port, i == 0 ? "web.shop.svc" : "web-" + i + ".shop.svc");
            checks.add(new PlannedCheck(new PlannedEndpoint(endpoint, null, null), CheckRequest.of(endpoint,
                    ProbeOptions.DEFAULTS.withTimeout(Duration.ofSeconds(5)), Expectations.DEFAULTS,
                    TrustAnchors.of(false, List.of(CA.certificate())))));
        }
        return new CheckPlan(checks, interval, fingerprint);
    }

    private record Finished(ResourceID id, CheckRun run) {
    }

    /** A Listener that records what it is told. */
    private static final class Recorder implements CheckScheduler.Listener {
        final BlockingQueue<Finished> finished = new LinkedBlockingQueue<>();
        final BlockingQueue<ResourceID> gone = new LinkedBlockingQueue<>();
        volatile boolean exists = true;
        volatile BiConsumer<ResourceID, CheckRun> onFinished = (id, run) -> { };

        @Override
        public boolean exists(ResourceID id) {
            return exists;
        }

        @Override
        public void finished(ResourceID id, CheckRun run) {
            onFinished.accept(id, run);
            finished.add(new Finished(id, run));
        }

        @Override
        public void gone(ResourceID id) {
            gone.add(id);
        }

        Finished next() throws InterruptedException {
            Finished next = finished.poll(20, TimeUnit.SECONDS);
            assertThat(next).as("a finished run").isNotNull();
            return next;
        }

        void assertQuiet() throws InterruptedException {
            assertThat(finished.poll(1, TimeUnit.SECONDS)).as("no further run").isNull();
        }
    }

    /**
     * A TCP peer that answers nothing and hangs up after {@code holdMillis}, counting the
     * connections it holds at once. It counts a connection out before closing it, so a probe
     * that starts only after another ended can never be counted alongside it.
     */
    private static final class HoldingServer implements AutoCloseable {
        final AtomicInteger accepted = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();
        private final AtomicInteger holding = new AtomicInteger();
        private final ServerSocket socket;
        private final long holdMillis;

        HoldingServer(long holdMillis) throws IOException {
            this.holdMillis = holdMillis;
            this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread.ofPlatform().daemon().name("holding-server").start(this::acceptLoop);
        }

        int port() {
            return socket.getLocalPort();
        }

        void awaitAccepted(int count) throws InterruptedException {
            for (int i = 0; i < 2000 && accepted.get() < count; i++) {
                Thread.sleep(10);
            }
            assertThat(accepted.get()).as("connections accepted").isGreaterThanOrEqualTo(count);
        }

        private void acceptLoop() {
            while (!socket.isClosed()) {
                try {
                    Socket connection = socket.accept();
                    Thread.ofVirtual().start(() -> hold(connection));
                } catch (IOException e) {
                    // closed
                }
            }
        }

        private void hold(Socket connection) {
            most.accumulateAndGet(holding.incrementAndGet(), Math::max);
            accepted.incrementAndGet();
            try {
                Thread.sleep(holdMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                holding.decrementAndGet();
                try {
                    connection.close();
                } catch (IOException e) {
                    // gone already
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
