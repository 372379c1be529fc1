package io.tlscheck.cli;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.tlscheck.engine.ClientCredentials;
import io.tlscheck.engine.Endpoint;
import io.tlscheck.engine.IpLiterals;
import io.tlscheck.engine.Pem;
import io.tlscheck.engine.ProbeOptions;
import io.tlscheck.engine.StartTls;
import io.tlscheck.engine.TrustAnchors;
import picocli.CommandLine.Option;

/** How to reach the endpoint and whom to trust: the s_client-like options of connect and bench. */
public final class ConnectionOptions {
    @Option(names = "--servername", paramLabel = "NAME",
            description = "Name to send as SNI and verify (default: the host, unless it is an IP address).")
    String serverName;

    @Option(names = "--no-servername", description = "Send no SNI; an IP address is then verified against IP SANs.")
    boolean noServerName;

    @Option(names = "--ca-file", paramLabel = "PEM", description = "Also trust the CA certificates in this PEM file.")
    List<Path> caFiles = new ArrayList<>();

    @Option(names = "--no-system-roots", description = "Do not trust the JDK's public root CAs.")
    boolean noSystemRoots;

    @Option(names = "--client-cert", paramLabel = "PEM", description = "Client certificate (chain) for mutual TLS.")
    Path clientCert;

    @Option(names = "--client-key", paramLabel = "PEM", description = "Private key of the client certificate.")
    Path clientKey;

    @Option(names = "--starttls", paramLabel = "PROTO",
            description = "Upgrade a plain-text protocol first: smtp, imap, pop3, ftp, postgres.")
    String startTls;

    @Option(names = "--alpn", paramLabel = "LIST", split = ",", description = "Offer these ALPN protocols (h2,http/1.1).")
    List<String> alpn = new ArrayList<>();

    @Option(names = "--tls1_2", description = "Offer TLS 1.2 only.")
    boolean tls12;

    @Option(names = "--tls1_3", description = "Offer TLS 1.3 only.")
    boolean tls13;

    @Option(names = "--tls1_1", description = "Offer TLS 1.1 only.")
    boolean tls11;

    @Option(names = "--tls1", description = "Offer TLS 1.0 only.")
    boolean tls10;

    @Option(names = "--cipher", paramLabel = "NAME", split = ",",
            description = "Offer only these cipher suites (IANA names, such as TLS_AES_128_GCM_SHA256).")
    List<String> ciphers = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
            description = "Bound for the whole check (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    Endpoint endpoint(HostPort target) {
        if (noServerName && serverName != null) {
            throw new UsageException("--servername and --no-servername cannot be used together");
        }
        if (noServerName) {
            return new Endpoint(target.host(), target.port(), null);
        }
        if (serverName != null) {
            return new Endpoint(target.host(), target.port(), serverName);
        }
        return new Endpoint(target.host(), target.port(), IpLiterals.isIpLiteral(target.host()) ? null : target.host());
    }

    ProbeOptions probeOptions() {
        if (timeout.isZero()) {
            throw new UsageException("--timeout must be longer than zero");
        }
        List<String> protocols = new ArrayList<>();
        if (tls13) {
            protocols.add("TLSv1.3");
        }
        if (tls12) {
            protocols.add("TLSv1.2");
        }
        if (tls11) {
            protocols.add("TLSv1.1");
        }
        if (tls10) {
            protocols.add("TLSv1");
        }
        return new ProbeOptions(timeout, startTls == null ? null : parseStartTls(), alpn, protocols, ciphers,
                clientCredentials());
    }

    TrustAnchors trustAnchors() {
        List<X509Certificate> extra = new ArrayList<>();
        for (Path file : caFiles) {
            extra.addAll(readPem(() -> Pem.readCertificates(file)));
        }
        if (noSystemRoots && extra.isEmpty()) {
            throw new UsageException("--no-system-roots needs --ca-file: otherwise nothing is trusted");
        }
        return TrustAnchors.of(!noSystemRoots, extra);
    }

    private ClientCredentials clientCredentials() {
        if (clientCert == null && clientKey == null) {
            return null;
        }
        if (clientCert == null || clientKey == null) {
            throw new UsageException("--client-cert and --client-key go together");
        }
        return new ClientCredentials(readPem(() -> Pem.readCertificates(clientCert)),
                readPem(() -> Pem.readPrivateKey(clientKey)));
    }

    private StartTls parseStartTls() {
        try {
            return StartTls.parse(startTls);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static <T> T readPem(java.util.function.Supplier<T> reader) {
        try {
            return reader.get();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
