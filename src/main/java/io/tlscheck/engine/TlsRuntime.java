package io.tlscheck.engine;

import java.security.Security;

import io.tlscheck.engine.crypto.FastPublicKeyCrypto;

/**
 * Process-wide JDK settings the probe depends on. The JDK refuses, by default, to speak TLS
 * 1.0/1.1 or to negotiate suites such as TLS_RSA_*; a tool that must <em>report</em> such servers
 * has to be able to complete those handshakes, so it widens what the JDK negotiates and leaves
 * every judgement to the rules. Nothing here affects which chains are trusted: trust is decided
 * by {@link io.tlscheck.engine.chain.ChainBuilder} and the rules, not by JSSE.
 *
 * <p>These properties are read once, when JSSE initialises, so {@link #configure()} must run
 * before anything in the process uses TLS: the CLI's and the operator's main methods call it
 * first thing (the operator's Kubernetes client speaks TLS too), and the test suite calls it
 * from a JUnit session listener. The engine's constructors call it as well, which is enough
 * only for processes where the engine is the first TLS user.
 */
public final class TlsRuntime {
    /** Never offered: suites without authentication or encryption are not TLS worth probing. */
    static final String DISABLED_TLS_ALGORITHMS = "DTLSv1.0, anon, NULL";

    private static volatile boolean configured;

    private TlsRuntime() {
    }

    public static void configure() {
        if (configured) {
            return;
        }
        synchronized (TlsRuntime.class) {
            if (configured) {
                return;
            }
            Security.setProperty("jdk.tls.disabledAlgorithms", DISABLED_TLS_ALGORITHMS);
            // Certificate signature strength is the rules' business (signature.weak-algorithm).
            Security.setProperty("jdk.certpath.disabledAlgorithms", "");
            Security.setProperty("jdk.tls.legacyAlgorithms", "");
            // Ask servers to staple OCSP responses (status_request, RFC 6066 §8).
            System.setProperty("jdk.tls.client.enableStatusRequestExtension", "true");
            // A CLI must not wait for a DNS cache; the operator re-resolves on every check.
            Security.setProperty("networkaddress.cache.ttl", "30");
            Security.setProperty("networkaddress.cache.negative.ttl", "5");
            // X25519 and ECDSA verification on faster arithmetic, ahead of SunEC: they were a
            // third to a half of a check's CPU time (see FastPublicKeyCrypto and bench/README.md).
            if (FastPublicKeyCrypto.enabled() && Security.getProvider(FastPublicKeyCrypto.NAME) == null) {
                Security.insertProviderAt(new FastPublicKeyCrypto(), 1);
            }
            configured = true;
        }
    }
}
