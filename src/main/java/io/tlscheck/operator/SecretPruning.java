package io.tlscheck.operator;

import java.util.HashMap;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;

/**
 * What the operator keeps of a Secret in its cache: certificates, not private keys. Keys that
 * look private ({@code tls.key}, {@code *.key}, anything with "key" or "password" in its name)
 * are dropped as Secrets arrive, so no private key sits in the operator's memory for longer
 * than a client-certificate handshake needs it. Large values are dropped too: a CA bundle or a
 * certificate is a few kilobytes, while Helm release Secrets can be megabytes.
 */
final class SecretPruning {
    static final int MAX_VALUE_BYTES = 256 * 1024;

    private SecretPruning() {
    }

    static Secret prune(Secret secret) {
        Map<String, String> data = secret.getData();
        if (data == null || data.isEmpty()) {
            return secret;
        }
        Map<String, String> kept = new HashMap<>();
        data.forEach((key, value) -> {
            if (!looksPrivate(key) && value != null && value.length() <= MAX_VALUE_BYTES * 4 / 3 + 4) {
                kept.put(key, value);
            }
        });
        return new SecretBuilder(secret).withData(kept).withStringData(null).build();
    }

    static boolean looksPrivate(String key) {
        String k = key.toLowerCase(java.util.Locale.ROOT);
        if (k.contains("password") || k.contains("token") || k.endsWith(".key")) {
            return true;
        }
        boolean certificateFile = k.endsWith(".crt") || k.endsWith(".pem");
        return k.contains("key") && !certificateFile;
    }
}
