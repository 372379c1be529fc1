package io.tlscheck.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/** Writes generated certificates and keys to PEM files in a test's temporary directory. */
public final class PemFiles {
    private PemFiles() {
    }

    public static Path write(Path dir, String name, X509Certificate... certificates) {
        return write(dir, name, (Object[]) certificates);
    }

    public static Path write(Path dir, String name, PrivateKey key) {
        return write(dir, name, (Object) key);
    }

    /** A private key as PEM text, as a kubernetes.io/tls Secret's tls.key holds it. */
    public static String text(PrivateKey key) {
        return pem(key);
    }

    private static String pem(Object... objects) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (Object o : objects) {
                writer.writeObject(o);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static Path write(Path dir, String name, Object... objects) {
        try {
            return Files.writeString(dir.resolve(name), pem(objects));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
