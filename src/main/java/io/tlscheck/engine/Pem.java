package io.tlscheck.engine;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/**
 * PEM in and out, through BouncyCastle's parser: certificates, and private keys in PKCS#1,
 * SEC1 or PKCS#8 form. Error messages name the source, never the content.
 */
public final class Pem {
    private static final JcaX509CertificateConverter CERTIFICATES = new JcaX509CertificateConverter();
    private static final JcaPEMKeyConverter KEYS = new JcaPEMKeyConverter();

    private Pem() {
    }

    public static List<X509Certificate> readCertificates(Path file) {
        return readCertificates(readFile(file), file.toString());
    }

    /** All certificates in a PEM text; other blocks are skipped. Fails when there is none. */
    public static List<X509Certificate> readCertificates(String pem, String source) {
        List<X509Certificate> certificates = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object item;
            while ((item = readNext(parser, source)) != null) {
                if (item instanceof X509CertificateHolder holder) {
                    certificates.add(CERTIFICATES.getCertificate(holder));
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": cannot read PEM: " + e.getMessage());
        } catch (CertificateException e) {
            throw new IllegalArgumentException(source + ": not a valid X.509 certificate");
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException(source + ": no PEM certificate found");
        }
        return certificates;
    }

    public static PrivateKey readPrivateKey(Path file) {
        return readPrivateKey(readFile(file), file.toString());
    }

    /** The first private key in a PEM text. Encrypted keys are refused with a clear message. */
    public static PrivateKey readPrivateKey(String pem, String source) {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object item;
            while ((item = readNext(parser, source)) != null) {
                if (item instanceof PEMKeyPair pair) {
                    return KEYS.getPrivateKey(pair.getPrivateKeyInfo());
                }
                if (item instanceof PrivateKeyInfo info) {
                    return KEYS.getPrivateKey(info);
                }
                if (item.getClass().getSimpleName().contains("Encrypted")) {
                    throw new IllegalArgumentException(source + ": encrypted private keys are not supported; "
                            + "decrypt it first (openssl pkey -in KEY -out PLAIN)");
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": cannot read the private key (not PEM?)");
        }
        throw new IllegalArgumentException(source + ": no PEM private key found");
    }

    public static String write(X509Certificate cert) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(cert);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static Object readNext(PEMParser parser, String source) throws IOException {
        try {
            return parser.readObject();
        } catch (IOException | RuntimeException e) {
            // Deliberately not echoing the parser's message: it may quote key material.
            throw new IOException("malformed PEM block in " + source);
        }
    }

    private static String readFile(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read file (" + e.getClass().getSimpleName() + ")");
        }
    }
}
