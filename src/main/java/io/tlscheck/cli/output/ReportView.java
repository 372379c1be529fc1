package io.tlscheck.cli.output;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.tlscheck.engine.CertificateSummary;
import io.tlscheck.engine.Finding;
import io.tlscheck.engine.Observation;
import io.tlscheck.engine.Pem;
import io.tlscheck.engine.Report;
import io.tlscheck.engine.Timings;
import io.tlscheck.engine.revocation.RevocationResult;

/**
 * A report as JSON and YAML consumers see it: stable field names, findings by id, times in
 * milliseconds, certificates summarised (and as PEM with --showcerts). Never key material.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportView(String target, String host, int port, String serverName, String address, String verdict,
                         String reason, String message, String protocol, String cipherSuite, String alpn,
                         boolean ocspStapled, Map<String, Long> timingsMs, String chainStatus,
                         List<CertificateView> chain, List<FindingView> findings,
                         Map<String, List<String>> enumeration, Boolean enumerationComplete,
                         List<RevocationView> revocation) {

    /** One served certificate, with its position in the served order. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CertificateView(int index, CertificateSummary certificate, String pem) {
    }

    public record FindingView(String id, String severity, String reason, String message, String remedy) {
        static FindingView of(Finding f) {
            return new FindingView(f.id(), f.severity().name().toLowerCase(Locale.ROOT), f.reason(), f.message(),
                    f.remedy());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RevocationView(String subject, String state, String source, String revokedAt, String detail) {
        static RevocationView of(RevocationResult r) {
            return new RevocationView(r.certificate().getSubjectX500Principal().getName(),
                    r.state().name().toLowerCase(Locale.ROOT), r.source(),
                    r.revokedAt() == null ? null : r.revokedAt().toString(), r.detail());
        }
    }

    public static ReportView of(Report report, boolean withPem) {
        Observation seen = report.observation();
        List<CertificateView> chain = new ArrayList<>();
        for (int i = 0; i < seen.servedChain().size(); i++) {
            X509Certificate cert = seen.servedChain().get(i);
            chain.add(new CertificateView(i, CertificateSummary.of(cert), withPem ? Pem.write(cert) : null));
        }
        return new ReportView(
                seen.endpoint().toString(),
                seen.endpoint().host(),
                seen.endpoint().port(),
                seen.endpoint().serverName(),
                seen.address(),
                report.verdict().displayName(),
                report.reason(),
                report.message(),
                seen.protocol(),
                seen.cipherSuite(),
                seen.alpn(),
                !seen.stapledOcspResponses().isEmpty(),
                timings(seen.timings()),
                seen.servedChain().isEmpty() ? null : report.path().outcome().name().toLowerCase(Locale.ROOT),
                chain,
                report.findings().stream().map(FindingView::of).toList(),
                report.enumeration() == null ? null : report.enumeration().cipherSuitesByProtocol(),
                report.enumeration() == null ? null : report.enumeration().complete(),
                report.revocation().isEmpty() ? null : report.revocation().stream().map(RevocationView::of).toList());
    }

    private static Map<String, Long> timings(Timings t) {
        Map<String, Long> ms = new LinkedHashMap<>();
        ms.put("dns", t.dns().toMillis());
        ms.put("connect", t.connect().toMillis());
        ms.put("starttls", t.startTls().toMillis());
        ms.put("handshake", t.handshake().toMillis());
        ms.put("total", t.total().toMillis());
        return ms;
    }
}
