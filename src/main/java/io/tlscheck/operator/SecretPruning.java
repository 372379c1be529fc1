package io.tlscheck.operator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;

/**
 * What the operator keeps of a Secret in its cache: certificates, not private keys. Keys that
 * look private ({@code tls.key}, {@code *.key}, anything with "key" or "password" in its name)
 * are dropped as Secrets arrive, so no private key sits in the operator's memory for longer
 * than a client-certificate handshake needs it. Large values are dropped too: a CA bundle or a
 * certificate is a few kilobytes, while Helm release Secrets can be megabytes. A private key
 * inside a value kept for its certificates is cut out.
 */
final class SecretPruning {
    static final int MAX_VALUE_BYTES = 256 * 1024;
    private static final String PRIVATE_KEY = "PRIVATE KEY-----";
    private static final Pattern PRIVATE_KEY_BLOCK = Pattern.compile(
            "-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----.*?-----END [A-Z0-9 ]*PRIVATE KEY-----\\R?", Pattern.DOTALL);

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
                withoutPrivateKeys(value).ifPresent(v -> kept.put(key, v));
            }
        });
        return new SecretBuilder(secret).withData(kept).withStringData(null).build();
    }

    /**
     * A certificate file may carry its private key as well (one {@code .pem} with both, as
     * HAProxy wants): only its certificates are kept, and a value that is nothing but a key, or
     * a key block that cannot be cut out cleanly, is dropped.
     */
    static Optional<String> withoutPrivateKeys(String base64) {
        String text;
        try {
            text = new String(Base64.getDecoder().decode(base64), StandardCharsets.ISO_8859_1);
        } catch (IllegalArgumentException e) {
            return Optional.of(base64);
        }
        if (!text.contains(PRIVATE_KEY)) {
            return Optional.of(base64);
        }
        String rest = PRIVATE_KEY_BLOCK.matcher(text).replaceAll("");
        if (rest.contains(PRIVATE_KEY) || rest.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Base64.getEncoder().encodeToString(rest.getBytes(StandardCharsets.ISO_8859_1)));
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
