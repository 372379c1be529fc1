package io.tlscheck.cli.output;

import java.io.PrintWriter;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.tlscheck.engine.Certificates;
import io.tlscheck.engine.Durations;
import io.tlscheck.engine.Finding;
import io.tlscheck.engine.Observation;
import io.tlscheck.engine.Pem;
import io.tlscheck.engine.Report;
import io.tlscheck.engine.TlsVersions;
import io.tlscheck.engine.chain.ChainPath;
import io.tlscheck.engine.revocation.RevocationResult;

/** The human report of {@code tlscheck connect}: connection, chain as a tree, findings, verdict. */
public final class TextReport {
    private final PrintWriter out;
    private final boolean showCerts;
    private final Instant now;

    public TextReport(PrintWriter out, boolean showCerts, Instant now) {
        this.out = out;
        this.showCerts = showCerts;
        this.now = now;
    }

    public void print(Report report) {
        Observation seen = report.observation();
        connection(seen);
        chain(seen.servedChain(), report.path());
        if (report.enumeration() != null) {
            enumeration(report.enumeration().cipherSuitesByProtocol(), report.enumeration().complete());
        }
        if (!report.revocation().isEmpty()) {
            revocation(report.revocation());
        }
        findings(report.findings());
        String reason = report.verdict() == io.tlscheck.engine.Verdict.HEALTHY ? "" : " (" + report.reason() + ")";
        out.printf("Verdict: %s%s: %s%n", report.verdict().displayName(), reason, report.message());
        out.flush();
    }

    private void connection(Observation seen) {
        String at = seen.address() == null || seen.address().equals(seen.endpoint().host())
                ? "" : " at " + seen.address();
        if (seen.protocol() != null) {
            out.printf("Connected to %s%s: %s, %s%s%n", seen.endpoint(), at, TlsVersions.displayName(seen.protocol()),
                    seen.cipherSuite(), seen.alpn() == null ? "" : ", ALPN " + seen.alpn());
        } else {
            out.printf("Target %s%s%n", seen.endpoint(), at);
        }
        var t = seen.timings();
        out.printf("  time: dns %s, connect %s, %shandshake %s, total %s%n", ms(t.dns()), ms(t.connect()),
                t.startTls().isZero() ? "" : "starttls " + ms(t.startTls()) + ", ", ms(t.handshake()), ms(t.total()));
        if (!seen.stapledOcspResponses().isEmpty()) {
            out.println("  OCSP response stapled");
        }
        if (seen.clientCertificateRequested()) {
            out.println("  the server asked for a client certificate");
        }
        out.println();
    }

    private void chain(List<X509Certificate> served, ChainPath path) {
        if (served.isEmpty()) {
            return;
        }
        out.printf("Certificate chain as served (%d), path: %s%n", served.size(), pathStatus(path));
        for (int i = 0; i < served.size(); i++) {
            boolean last = i == served.size() - 1 && path.anchor() == null;
            certificate(i, served.get(i), last);
        }
        if (path.anchor() != null) {
            out.printf("└── anchor  %s%n", path.anchor().getSubjectX500Principal().getName());
        }
        out.println();
    }

    private void certificate(int index, X509Certificate cert, boolean last) {
        String branch = last ? "└── " : "├── ";
        String stem = last ? "    " : "│   ";
        out.printf("%s%d  %s%n", branch, index, cert.getSubjectX500Principal().getName());
        out.printf("%s   issuer    %s%n", stem, cert.getIssuerX500Principal().getName());
        out.printf("%s   validity  %s to %s (%s)%n", stem, date(cert.getNotBefore().toInstant()),
                date(cert.getNotAfter().toInstant()), remaining(cert.getNotAfter().toInstant()));
        out.printf("%s   key       %s, signed with %s%n", stem, Certificates.keyDescription(cert), cert.getSigAlgName());
        List<String> names = Certificates.allNames(cert);
        if (!names.isEmpty()) {
            out.printf("%s   names     %s%n", stem, String.join(", ", names));
        }
        out.printf("%s   sha256    %s%n", stem, Certificates.sha256Fingerprint(cert));
        out.printf("%s   spki pin  %s%n", stem, Certificates.spkiPin(cert));
        if (showCerts) {
            for (String line : Pem.write(cert).split("\n")) {
                out.printf("%s   %s%n", stem, line.strip());
            }
        }
    }

    private void enumeration(Map<String, List<String>> accepted, boolean complete) {
        out.println("Accepted protocols and cipher suites (server preference order)" + (complete ? "" : ", incomplete: time ran out"));
        if (accepted.isEmpty()) {
            out.println("  none");
        }
        accepted.forEach((protocol, suites) -> {
            out.printf("  %s%s%n", TlsVersions.displayName(protocol), TlsVersions.isLegacy(protocol) ? "  (deprecated)" : "");
            suites.forEach(s -> out.printf("    %s%n", s));
        });
        out.println();
    }

    private void revocation(List<RevocationResult> results) {
        out.println("Revocation");
        for (RevocationResult r : results) {
            out.printf("  %-8s %s (%s)%s%n", r.state(), Certificates.shortName(r.certificate()), r.source(),
                    r.detail() == null || r.detail().isEmpty() ? "" : ": " + r.detail());
        }
        out.println();
    }

    private void findings(List<Finding> findings) {
        if (findings.isEmpty()) {
            out.println("No findings.");
        } else {
            out.println("Findings");
            for (Finding f : findings) {
                out.printf("  %-7s  %-26s %s%n", f.severity(), f.id(), f.message());
                if (!f.remedy().isEmpty()) {
                    out.printf("  %-7s  %-26s fix: %s%n", "", "", f.remedy());
                }
            }
        }
        out.println();
    }

    private static String pathStatus(ChainPath path) {
        return switch (path.outcome()) {
            case TRUSTED -> "trusted";
            case SELF_SIGNED_LEAF -> "self-signed, not trusted";
            case UNTRUSTED_ROOT -> "ends at an untrusted root";
            case INCOMPLETE -> "incomplete (issuer of the last certificate not served)";
            case NO_CERTIFICATE -> "no certificate";
        };
    }

    private String remaining(Instant notAfter) {
        Duration left = Duration.between(now, notAfter);
        return left.isNegative() ? "expired " + Durations.words(left) + " ago" : Durations.words(left) + " left";
    }

    private static String date(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate().toString();
    }

    private static String ms(Duration d) {
        return d.toMillis() + " ms";
    }
}
