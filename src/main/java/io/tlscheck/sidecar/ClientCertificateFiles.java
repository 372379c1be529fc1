package io.tlscheck.sidecar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Consumer;

import io.tlscheck.engine.ClientCredentials;
import io.tlscheck.engine.Pem;

/**
 * The client certificate and key given with {@code --client-cert}/{@code --client-key}, for
 * the checks that declare {@code clientCertificate} (its Secret is mounted into the pod, as the
 * sidecar cannot read Secrets). Read again when either file changes, so a certificate rotated
 * in the mounted Secret is used without a restart; a pair that fails to read keeps the last
 * good one in use. Messages name the files, never their content.
 */
final class ClientCertificateFiles {
    private final Path certificate;
    private final Path key;
    private final Consumer<String> warn;
    private Loaded loaded;

    private record Loaded(FileTime certificateTime, FileTime keyTime, ClientCredentials credentials) {
    }

    private ClientCertificateFiles(Path certificate, Path key, Consumer<String> warn, Loaded loaded) {
        this.certificate = certificate;
        this.key = key;
        this.warn = warn;
        this.loaded = loaded;
    }

    /** Reads both files now; a bad pair is an {@link IllegalArgumentException} naming the file. */
    static ClientCertificateFiles load(Path certificate, Path key, Consumer<String> warn) {
        return new ClientCertificateFiles(certificate, key, warn, read(certificate, key));
    }

    synchronized ClientCredentials current() {
        try {
            if (!modified(certificate).equals(loaded.certificateTime()) || !modified(key).equals(loaded.keyTime())) {
                loaded = read(certificate, key);
            }
        } catch (IllegalArgumentException e) {
            warn.accept("client certificate not reloaded, keeping the previous one: " + e.getMessage());
            loaded = new Loaded(modifiedOrNull(certificate), modifiedOrNull(key), loaded.credentials());
        }
        return loaded.credentials();
    }

    private static Loaded read(Path certificate, Path key) {
        FileTime certificateTime = modified(certificate);
        FileTime keyTime = modified(key);
        List<X509Certificate> chain = Pem.readCertificates(certificate);
        return new Loaded(certificateTime, keyTime, new ClientCredentials(chain, Pem.readPrivateKey(key)));
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getClass().getSimpleName());
        }
    }

    private static FileTime modifiedOrNull(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    @Override
    public String toString() {
        return certificate + " (key " + key + ")";
    }
}
