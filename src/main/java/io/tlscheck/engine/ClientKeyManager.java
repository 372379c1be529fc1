package io.tlscheck.engine;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Offers the configured client certificate, if any, and records whether the server asked for
 * one: JSSE only consults the key manager when a CertificateRequest arrives. One instance per
 * probe.
 */
final class ClientKeyManager extends X509ExtendedKeyManager {
    private static final String ALIAS = "client";

    private final ClientCredentials credentials;
    private volatile boolean certificateRequested;

    ClientKeyManager(ClientCredentials credentials) {
        this.credentials = credentials;
    }

    boolean certificateRequested() {
        return certificateRequested;
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
        return choose(keyTypes);
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
        return choose(keyTypes);
    }

    private String choose(String[] keyTypes) {
        certificateRequested = true;
        // The server judges whether the key type suits it; offering beats a silent omission.
        return credentials == null ? null : ALIAS;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return credentials == null ? null : new String[] {ALIAS};
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return credentials == null ? null : credentials.chain().toArray(X509Certificate[]::new);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return credentials == null ? null : credentials.key();
    }
}
