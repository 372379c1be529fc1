package io.tlscheck.testing;

import io.tlscheck.api.v1alpha1.CaBundle;
import io.tlscheck.api.v1alpha1.KeyReference;
import io.tlscheck.api.v1alpha1.Trust;

/** {@code spec.trust} of TlsChecks in cluster tests: a test CA, and not the JDK's roots. */
public final class TestTrust {
    private TestTrust() {
    }

    /** Trust only the CA bundle in key {@code key} of ConfigMap {@code name} (the TlsCheck's namespace). */
    public static Trust onlyConfigMap(String name, String key) {
        KeyReference ref = new KeyReference();
        ref.setName(name);
        ref.setKey(key);
        CaBundle bundle = new CaBundle();
        bundle.setConfigMapKeyRef(ref);
        Trust trust = new Trust();
        trust.setSystemRoots(false);
        trust.setCaBundle(bundle);
        return trust;
    }
}
