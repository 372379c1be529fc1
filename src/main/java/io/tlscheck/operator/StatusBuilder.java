package io.tlscheck.operator;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tlscheck.api.v1alpha1.CertificateInfo;
import io.tlscheck.api.v1alpha1.EndpointStatus;
import io.tlscheck.api.v1alpha1.FindingInfo;
import io.tlscheck.api.v1alpha1.TlsCheck;
import io.tlscheck.api.v1alpha1.TlsCheckStatus;
import io.tlscheck.engine.CertificateSummary;
import io.tlscheck.engine.Durations;
import io.tlscheck.engine.Finding;
import io.tlscheck.engine.Observation;
import io.tlscheck.engine.Report;
import io.tlscheck.engine.Severity;
import io.tlscheck.engine.TlsVersions;
import io.tlscheck.engine.Verdict;

/**
 * Builds a TlsCheck's status from what was observed. Deterministic for the same inputs and
 * free of check timestamps, so that comparing it with the current status tells whether a
 * write is needed at all.
 */
final class StatusBuilder {
    static final String READY = "Ready";
    /**
     * kstatus (Flux, cli-utils) reads only Reconciling and Stalled: without Stalled a check that
     * is not Ready would look "in progress" forever and a Flux health check would wait out its
     * timeout. Stalled=True sits beside Ready=False with the same reason, so kstatus reports
     * Failed at once; it is absent while the check is Ready.
     */
    static final String STALLED = "Stalled";
    static final String SUSPENDED = "Suspended";

    private final TlsCheck check;
    private final Instant now;
    private final int maxEndpoints;

    StatusBuilder(TlsCheck check, Instant now, int maxEndpoints) {
        this.check = check;
        this.now = now;
        this.maxEndpoints = maxEndpoints;
    }

    private TlsCheckStatus base(String target) {
        TlsCheckStatus status = new TlsCheckStatus();
        status.setObservedGeneration(check.getMetadata().getGeneration());
        status.setTarget(target);
        return status;
    }

    private ConditionSet conditions() {
        List<io.fabric8.kubernetes.api.model.Condition> previous =
                check.getStatus() == null ? List.of() : check.getStatus().getConditions();
        long generation = check.getMetadata().getGeneration() == null ? 0 : check.getMetadata().getGeneration();
        return new ConditionSet(previous, generation, now);
    }

    /** The target or a reference could not be resolved: nothing was probed. */
    TlsCheckStatus unresolved(Resolution resolution) {
        TlsCheckStatus status = base(resolution.target());
        status.setVerdict(Verdict.UNKNOWN.displayName());
        status.setReason(resolution.reason());
        status.setMessage(ConditionSet.truncate(resolution.message()));
        status.setConditions(conditions().add(READY, "False", resolution.reason(), resolution.message())
                .add(STALLED, "True", resolution.reason(), resolution.message()).build());
        return status;
    }

    /** Checking is paused by {@code spec.suspend}. */
    TlsCheckStatus suspended(String target) {
        TlsCheckStatus status = base(target);
        TlsCheckStatus previous = check.getStatus();
        if (previous != null) {
            status.setVerdict(previous.getVerdict());
            status.setNotAfter(previous.getNotAfter());
            status.setProtocol(previous.getProtocol());
        }
        status.setReason(SUSPENDED);
        status.setMessage("checks are suspended (spec.suspend is true)");
        status.setConditions(conditions().add(READY, "Unknown", SUSPENDED, status.getMessage()).build());
        return status;
    }

    TlsCheckStatus of(String target, CheckRun run, String note, boolean revocationAsked, boolean comparesSecret) {
        List<EndpointResult> results = new ArrayList<>(run.results());
        results.sort(Comparator.comparing((EndpointResult r) -> r.report().verdict()).reversed()
                .thenComparing(r -> r.endpoint().endpoint().toString()));
        TlsCheckStatus status = base(target);
        EndpointResult worst = results.get(0);
        Verdict verdict = worst.report().verdict();
        status.setVerdict(verdict.displayName());
        status.setReason(worst.report().reason());
        String message = label(worst, results.size()) + worst.report().message();
        if (note != null) {
            message += " (" + note + ")";
        }
        status.setMessage(ConditionSet.truncate(message));
        earliestLeaf(results).ifPresent(leaf -> {
            Instant notAfter = leaf.getNotAfter().toInstant();
            status.setNotAfter(notAfter.toString());
            status.setExpiresIn(Durations.format(Duration.between(now, notAfter)));
        });
        results.stream().map(r -> r.report().observation().protocol()).filter(p -> p != null)
                .min(Comparator.comparingInt(TlsVersions::rank)).ifPresent(status::setProtocol);
        boolean ready = verdict == Verdict.HEALTHY || verdict == Verdict.WARNING;
        ConditionSet conditions = conditions().add(READY, ready ? "True" : "False", status.getReason(), message);
        if (!ready) {
            conditions.add(STALLED, "True", status.getReason(), message);
        }
        aspects(conditions, results, revocationAsked, comparesSecret);
        status.setConditions(conditions.build());
        status.setEndpoints(results.stream().limit(maxEndpoints).map(StatusBuilder::endpoint).toList());
        return status;
    }

    /** One condition per aspect: False with the worst failing finding, else True. */
    private static void aspects(ConditionSet conditions, List<EndpointResult> results, boolean revocationAsked,
                                boolean comparesSecret) {
        boolean handshakeFailed = results.stream().anyMatch(r -> !r.report().observation().succeeded());
        Map<Aspect, String[]> failing = new EnumMap<>(Aspect.class);
        for (EndpointResult result : results) {
            for (Finding finding : result.report().findings()) {
                if (finding.severity() == Severity.FAILING) {
                    failing.putIfAbsent(Aspect.of(finding.id()),
                            new String[] {finding.reason(), label(result, results.size()) + finding.message()});
                }
            }
        }
        for (Aspect aspect : Aspect.values()) {
            if (aspect == Aspect.NOT_REVOKED && !revocationAsked || aspect == Aspect.SECRET_MATCHES && !comparesSecret) {
                continue;
            }
            String[] failure = failing.get(aspect);
            if (failure != null) {
                conditions.add(aspect.type(), "False", failure[0], failure[1]);
            } else if (handshakeFailed && aspect != Aspect.HANDSHAKE) {
                conditions.add(aspect.type(), "Unknown", "HandshakeFailed", "not judged: the handshake did not complete");
            } else {
                conditions.add(aspect.type(), "True", aspect.okReason(), aspect.okMessage());
            }
        }
    }

    /** Names the endpoint when there are several, so "which replica?" has an answer. */
    private static String label(EndpointResult result, int count) {
        if (count <= 1) {
            return "";
        }
        String pod = result.endpoint().pod() == null ? "" : " (pod " + result.endpoint().pod() + ")";
        return result.endpoint().endpoint().host() + ":" + result.endpoint().endpoint().port() + pod + ": ";
    }

    private static Optional<X509Certificate> earliestLeaf(List<EndpointResult> results) {
        return results.stream().map(r -> r.report().observation().leaf()).filter(leaf -> leaf != null)
                .min(Comparator.comparing(X509Certificate::getNotAfter));
    }

    private static EndpointStatus endpoint(EndpointResult result) {
        Report report = result.report();
        Observation seen = report.observation();
        EndpointStatus status = new EndpointStatus();
        status.setAddress(seen.address() != null ? seen.address() : seen.endpoint().host());
        status.setPort(seen.endpoint().port());
        status.setServerName(seen.endpoint().serverName());
        status.setPod(result.endpoint().pod());
        status.setVerdict(report.verdict().displayName());
        status.setReason(report.reason());
        status.setMessage(ConditionSet.truncate(report.message()));
        status.setProtocol(seen.protocol());
        status.setCipherSuite(seen.cipherSuite());
        if (seen.leaf() != null) {
            status.setLeaf(certificate(seen.leaf()));
        }
        status.setChain(seen.servedChain().stream().limit(10).map(StatusBuilder::certificate).toList());
        status.setFindings(report.findings().stream().limit(20).map(StatusBuilder::finding).toList());
        return status;
    }

    private static CertificateInfo certificate(X509Certificate cert) {
        CertificateSummary summary = CertificateSummary.of(cert);
        CertificateInfo info = new CertificateInfo();
        info.setSubject(summary.subject());
        info.setIssuer(summary.issuer());
        info.setSerialNumber(summary.serialNumber());
        info.setNotBefore(summary.notBefore().toString());
        info.setNotAfter(summary.notAfter().toString());
        info.setSha256(summary.sha256());
        info.setDnsNames(summary.dnsNames());
        info.setIpAddresses(summary.ipAddresses());
        info.setKeyType(summary.keyType());
        info.setKeyBits(summary.keyBits());
        info.setSignatureAlgorithm(summary.signatureAlgorithm());
        return info;
    }

    private static FindingInfo finding(Finding finding) {
        FindingInfo info = new FindingInfo();
        info.setId(finding.id());
        info.setSeverity(finding.severity() == Severity.FAILING ? "Failing" : "Warning");
        info.setReason(finding.reason());
        info.setMessage(ConditionSet.truncate(finding.message()));
        return info;
    }
}
