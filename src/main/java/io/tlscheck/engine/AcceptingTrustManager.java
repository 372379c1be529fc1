package io.tlscheck.engine;

import java.net.Socket;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Lets every handshake complete so the served chain can be captured and judged by the rules,
 * which report every problem JSSE would have thrown on (and more). This is observation, not a
 * trust decision: no data is ever sent over these connections.
 */
final class AcceptingTrustManager extends X509ExtendedTrustManager {
    static final AcceptingTrustManager INSTANCE = new AcceptingTrustManager();

    private static final X509Certificate[] NONE = new X509Certificate[0];

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        // Judged later by ChainBuilder and the rules.
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        // Judged later by ChainBuilder and the rules.
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
        // Judged later by ChainBuilder and the rules.
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        throw new UnsupportedOperationException("tlscheck is never a server");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        throw new UnsupportedOperationException("tlscheck is never a server");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
        throw new UnsupportedOperationException("tlscheck is never a server");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return NONE;
    }
}
