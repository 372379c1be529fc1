package io.tlscheck.engine.enumerate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tlscheck.engine.CipherSuites;
import io.tlscheck.engine.Deadline;
import io.tlscheck.engine.Endpoint;
import io.tlscheck.engine.FailureKind;
import io.tlscheck.engine.Observation;
import io.tlscheck.engine.ProbeOptions;
import io.tlscheck.engine.Prober;
import io.tlscheck.engine.TlsVersions;

/**
 * Finds which protocol versions and cipher suites a server accepts, the way testssl.sh does:
 * one version at a time, and per version offer every suite, note the one the server picks,
 * drop it and ask again until the server refuses. That yields the server's preference order
 * in at most (suites + 1) handshakes per version. Limited to what this JDK can negotiate.
 */
public final class ProtocolEnumerator {
    private final Prober prober;

    public ProtocolEnumerator(Prober prober) {
        this.prober = prober;
    }

    public EnumerationResult enumerate(Endpoint endpoint, ProbeOptions base, Duration budget) {
        Deadline deadline = Deadline.after(budget);
        Map<String, List<String>> accepted = new LinkedHashMap<>();
        boolean complete = true;
        for (String version : TlsVersions.ALL) {
            if (deadline.expired()) {
                complete = false;
                break;
            }
            List<String> suites = new ArrayList<>();
            List<String> offer = new ArrayList<>(suitesFor(version));
            while (!offer.isEmpty()) {
                if (deadline.expired()) {
                    complete = false;
                    break;
                }
                ProbeOptions options = base.withProtocols(List.of(version)).withCipherSuites(offer)
                        .withTimeout(deadline.remainingAtMost(base.timeout()));
                Observation seen = prober.probe(endpoint, options);
                if (!negotiated(seen, version)) {
                    break;
                }
                suites.add(seen.cipherSuite());
                offer.remove(seen.cipherSuite());
            }
            if (!suites.isEmpty()) {
                accepted.put(version, List.copyOf(suites));
            }
        }
        return new EnumerationResult(accepted, complete);
    }

    /** The handshake agreed on this version, even if the server then rejected our client certificate. */
    private static boolean negotiated(Observation seen, String version) {
        boolean handshakeDone = seen.succeeded()
                || seen.failure().kind() == FailureKind.CLIENT_CERTIFICATE_REJECTED;
        return handshakeDone && version.equals(seen.protocol()) && seen.cipherSuite() != null;
    }

    private static List<String> suitesFor(String version) {
        boolean tls13 = version.equals("TLSv1.3");
        return CipherSuites.supported().stream().filter(s -> CipherSuites.isTls13(s) == tls13).toList();
    }
}
