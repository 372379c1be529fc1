package io.tlscheck.engine;

import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import javax.security.auth.x500.X500Principal;

/**
 * The certificates a chain may end at: the JDK's system roots and/or extra CA certificates.
 * Indexed by subject so path building does not scan hundreds of roots per step.
 */
public final class TrustAnchors {
    private static volatile List<X509Certificate> systemRoots;

    private final List<X509Certificate> anchors;
    private final Map<X500Principal, List<X509Certificate>> bySubject = new HashMap<>();
    private final boolean includesSystemRoots;

    private TrustAnchors(List<X509Certificate> anchors, boolean includesSystemRoots) {
        this.anchors = List.copyOf(anchors);
        this.includesSystemRoots = includesSystemRoots;
        for (X509Certificate anchor : this.anchors) {
            bySubject.computeIfAbsent(anchor.getSubjectX500Principal(), k -> new ArrayList<>()).add(anchor);
        }
    }

    public static TrustAnchors of(boolean systemRootsIncluded, Collection<X509Certificate> extra) {
        List<X509Certificate> all = new ArrayList<>();
        if (systemRootsIncluded) {
            all.addAll(systemRoots());
        }
        all.addAll(extra);
        return new TrustAnchors(all, systemRootsIncluded);
    }

    public static TrustAnchors systemOnly() {
        return of(true, List.of());
    }

    /** Anchors whose subject is {@code issuer}: the candidates to have signed a certificate. */
    public List<X509Certificate> withSubject(X500Principal issuer) {
        return bySubject.getOrDefault(issuer, List.of());
    }

    /** True when this certificate itself is an anchor (same subject and public key). */
    public boolean contains(X509Certificate cert) {
        return withSubject(cert.getSubjectX500Principal()).stream()
                .anyMatch(a -> Arrays.equals(a.getPublicKey().getEncoded(), cert.getPublicKey().getEncoded()));
    }

    public List<X509Certificate> all() {
        return anchors;
    }

    public boolean includesSystemRoots() {
        return includesSystemRoots;
    }

    public int size() {
        return anchors.size();
    }

    /** The JDK's default trust store (cacerts), read once per process. */
    static List<X509Certificate> systemRoots() {
        List<X509Certificate> roots = systemRoots;
        if (roots == null) {
            synchronized (TrustAnchors.class) {
                if (systemRoots == null) {
                    systemRoots = loadSystemRoots();
                }
                roots = systemRoots;
            }
        }
        return roots;
    }

    private static List<X509Certificate> loadSystemRoots() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            return Arrays.stream(factory.getTrustManagers())
                    .filter(X509TrustManager.class::isInstance)
                    .map(X509TrustManager.class::cast)
                    .flatMap(tm -> Arrays.stream(tm.getAcceptedIssuers()))
                    .toList();
        } catch (NoSuchAlgorithmException | KeyStoreException e) {
            throw new IllegalStateException("cannot load the JDK's trust store", e);
        }
    }
}
