package io.tlscheck.engine;

import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;

import javax.net.ssl.SSLContext;

/** Which cipher suites the probe offers. */
public final class CipherSuites {
    private static final String RENEGOTIATION_SCSV = "TLS_EMPTY_RENEGOTIATION_INFO_SCSV";

    private CipherSuites() {
    }

    /** Every suite this JDK can negotiate, for enumeration. */
    public static List<String> supported() {
        return Lists.SUPPORTED;
    }

    /**
     * What an ordinary check offers: everything but broken suites (RC4, DES, 3DES, export).
     * Wider than the JDK's default on purpose, so that a server that only speaks, say, TLS_RSA_*
     * still completes a handshake and earns a {@code cipher.not-recommended} finding.
     */
    public static List<String> forProbe() {
        return Lists.FOR_PROBE;
    }

    /** TLS 1.3 suites have no key exchange in their names. */
    public static boolean isTls13(String suite) {
        return suite.startsWith("TLS_AES_") || suite.startsWith("TLS_CHACHA20_");
    }

    /** Computed once, on first use, after {@link TlsRuntime#configure()}. */
    private static final class Lists {
        static final List<String> SUPPORTED = Arrays.stream(context().getSupportedSSLParameters().getCipherSuites())
                .filter(s -> !s.equals(RENEGOTIATION_SCSV) && !s.contains("_anon_") && !s.contains("_NULL_"))
                .toList();
        static final List<String> FOR_PROBE = SUPPORTED.stream()
                .filter(s -> !s.contains("_RC4_") && !s.contains("_DES_") && !s.contains("3DES") && !s.contains("EXPORT"))
                .toList();
    }

    private static SSLContext context() {
        TlsRuntime.configure();
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, null, null);
            return context;
        } catch (NoSuchAlgorithmException | java.security.KeyManagementException e) {
            throw new IllegalStateException("the JDK has no TLS implementation", e);
        }
    }
}
