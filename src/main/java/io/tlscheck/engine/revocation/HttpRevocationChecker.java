package io.tlscheck.engine.revocation;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.tlscheck.engine.Deadline;
import io.tlscheck.engine.RevocationMode;
import io.tlscheck.engine.chain.ChainPath;

/**
 * Revocation over the network: OCSP (a stapled response first, then the responders in the
 * certificate's authorityInfoAccess) with fallback to its CRL distribution points, or CRLs only.
 *
 * <p>What a user gets, and why:
 * <ul>
 *   <li>One result per certificate on the path except the trust anchor, leaf first, intermediates
 *       included: a revoked intermediate takes every leaf under it down, so it matters as much.
 *       The issuer asked about is the next certificate on the path, or the anchor.</li>
 *   <li>A certificate that names neither an OCSP responder nor a CRL distribution point is
 *       UNKNOWN ("no OCSP responder or CRL distribution point"), leaf or intermediate, never
 *       skipped: revocation was asked for, and a silent gap would read as "checked and fine".
 *       Rules decide how much an UNKNOWN weighs.</li>
 *   <li>In OCSP mode, a stapled response that is valid for the certificate answers without any
 *       network request. Otherwise each responder is asked in turn, then each CRL; the first
 *       answer (good or revoked) wins. UNKNOWN carries every reason, in order, joined by "; "
 *       (say "OCSP responder http://... timed out; CRL http://... answered HTTP 404").</li>
 *   <li>A response that is not signed by the issuer (or a responder it authorized), does not name
 *       the certificate, or is stale is UNKNOWN with the reason, never GOOD.</li>
 *   <li>Time: everything ends by the check's deadline. Certificates are checked in parallel (one
 *       virtual thread each), so a hanging responder for the leaf does not starve the
 *       intermediates. When a CRL fallback exists, OCSP gets at most half of the remaining time,
 *       so that a hanging responder still leaves the CRL a chance.</li>
 * </ul>
 *
 * <p>Verified CRLs are cached (see {@link CrlCache}); OCSP responses are not. The URLs come from
 * the certificates the server sent, so the servers behind them are treated as hostile: bounded
 * bodies (1 MiB for OCSP, 20 MiB for a CRL), at most three redirects, no stack traces in details.
 * Thread-safe; one instance serves the whole process.
 */
public final class HttpRevocationChecker implements RevocationChecker {
    private final OcspVerifier verifier;
    private final OcspClient ocsp;
    private final CrlClient crl;

    public HttpRevocationChecker() {
        this(Clock.systemUTC());
    }

    /** @param clock the time responses and CRLs are judged fresh at */
    public HttpRevocationChecker(Clock clock) {
        HttpFetcher http = new HttpFetcher();
        this.verifier = new OcspVerifier(clock);
        this.ocsp = new OcspClient(http, verifier);
        this.crl = new CrlClient(http, new CrlCache(), clock);
    }

    @Override
    public List<RevocationResult> check(ChainPath path, List<byte[]> stapled, RevocationMode mode, Deadline deadline) {
        if (mode == RevocationMode.NONE) {
            return List.of();
        }
        List<X509Certificate> subjects = RevocationChecker.subjects(path);
        List<Future<RevocationResult>> pending = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < subjects.size(); i++) {
                X509Certificate subject = subjects.get(i);
                X509Certificate issuer = issuerOf(path, i);
                pending.add(threads.submit(() -> checkOne(subject, issuer, stapled, mode, deadline)));
            }
        }
        List<RevocationResult> results = new ArrayList<>();
        for (int i = 0; i < subjects.size(); i++) {
            results.add(outcome(pending.get(i), subjects.get(i)));
        }
        return results;
    }

    /** The next certificate on the path, or the anchor after the last one; {@code null} when unknown. */
    private static X509Certificate issuerOf(ChainPath path, int index) {
        List<X509Certificate> certificates = path.certificates();
        return index + 1 < certificates.size() ? certificates.get(index + 1) : path.anchor();
    }

    private RevocationResult checkOne(X509Certificate subject, X509Certificate issuer, List<byte[]> stapled,
                                      RevocationMode mode, Deadline deadline) {
        if (issuer == null) {
            return RevocationResult.unknown(subject, RevocationResult.NONE,
                    "the issuer is not known (the path does not reach a trust anchor), so no answer could be verified");
        }
        Attempts attempts = new Attempts(subject);
        List<URI> crls = RevocationPointers.crlDistributionPoints(subject);
        if (mode == RevocationMode.OCSP) {
            Optional<RevocationResult> fromStaple = stapledAnswer(subject, issuer, stapled, attempts);
            if (fromStaple.isPresent()) {
                return fromStaple.get();
            }
            List<URI> responders = RevocationPointers.ocspResponders(subject);
            Deadline ocspDeadline = crls.isEmpty() || responders.isEmpty()
                    ? deadline : Deadline.after(deadline.remaining().dividedBy(2));
            for (URI responder : responders) {
                if (attempts.record(ocsp.ask(responder, subject, issuer, ocspDeadline))) {
                    return attempts.last();
                }
            }
        }
        for (URI url : crls) {
            if (attempts.record(crl.ask(url, subject, issuer, deadline))) {
                return attempts.last();
            }
        }
        return attempts.unknown(mode == RevocationMode.OCSP
                ? "no OCSP responder or CRL distribution point" : "no CRL distribution point");
    }

    /** A stapled response that answers for the subject; one that is invalid is remembered as a reason. */
    private Optional<RevocationResult> stapledAnswer(X509Certificate subject, X509Certificate issuer,
                                                     List<byte[]> stapled, Attempts attempts) {
        for (byte[] der : stapled) {
            if (der == null || der.length == 0) {
                continue;
            }
            Optional<RevocationResult> result =
                    verifier.verify(der, subject, issuer, RevocationResult.STAPLED_OCSP, "the stapled OCSP response");
            if (result.isPresent() && attempts.record(result.get())) {
                return result;
            }
        }
        return Optional.empty();
    }

    private static RevocationResult outcome(Future<RevocationResult> future, X509Certificate subject) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            // A bug, not a CA's answer: say so without a stack trace rather than fail the check.
            return RevocationResult.unknown(subject, RevocationResult.NONE,
                    "revocation check failed: " + e.getCause().getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RevocationResult.unknown(subject, RevocationResult.NONE, "revocation check was interrupted");
        }
    }

    /** The answers gathered for one certificate, so that an UNKNOWN can tell everything that was tried. */
    private static final class Attempts {
        private final X509Certificate subject;
        private final List<String> reasons = new ArrayList<>();
        private RevocationResult last;

        Attempts(X509Certificate subject) {
            this.subject = subject;
        }

        /** Records a result; true when it answers the question. */
        boolean record(RevocationResult result) {
            last = result;
            if (!result.answered()) {
                reasons.add(result.detail());
            }
            return result.answered();
        }

        RevocationResult last() {
            return last;
        }

        RevocationResult unknown(String whenNothingWasAsked) {
            if (last == null) {
                return RevocationResult.unknown(subject, RevocationResult.NONE, whenNothingWasAsked);
            }
            return RevocationResult.unknown(subject, last.source(), String.join("; ", reasons));
        }
    }
}
