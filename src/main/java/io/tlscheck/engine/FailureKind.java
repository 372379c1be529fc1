package io.tlscheck.engine;

/**
 * Why a probe could not complete a TLS session, by category. Network failures leave the
 * certificate unobserved ({@link Verdict#UNKNOWN}); a peer that answers but not acceptably is
 * {@link Verdict#FAILING}.
 */
public enum FailureKind {
    DNS_FAILURE("connect.dns", "DnsFailure", Verdict.UNKNOWN,
            "Check the host name and the resolver configuration."),
    TARGET_NOT_ALLOWED("target.not-allowed", "TargetNotAllowed", Verdict.FAILING,
            "The operator's target policy forbids this address; ask the cluster admin, or check the target."),
    CONNECTION_REFUSED("connect.refused", "ConnectionRefused", Verdict.UNKNOWN,
            "Nothing listens on that port: check the port and that the server is running."),
    NETWORK_UNREACHABLE("connect.unreachable", "NetworkUnreachable", Verdict.UNKNOWN,
            "No route to the address: check the address, routes and network policies."),
    CONNECT_TIMEOUT("connect.timeout", "ConnectTimeout", Verdict.UNKNOWN,
            "The TCP connection was not accepted in time: check firewalls and that the host is up."),
    STARTTLS_FAILED("starttls.failed", "StartTlsFailed", Verdict.FAILING,
            "The server did not agree to upgrade the connection: check the STARTTLS protocol and port."),
    HANDSHAKE_TIMEOUT("handshake.timeout", "HandshakeTimeout", Verdict.UNKNOWN,
            "The peer accepted TCP but did not complete a TLS handshake in time: is it a TLS port?"),
    NOT_TLS("handshake.not-tls", "NotTls", Verdict.FAILING,
            "The peer does not speak TLS on this port (plain HTTP or another protocol?)."),
    TLS_ALERT("handshake.alert", "HandshakeFailed", Verdict.FAILING,
            "The server refused the handshake: see the alert for why."),
    NO_COMMON_PROTOCOL("protocol.no-common", "NoCommonProtocol", Verdict.FAILING,
            "The server and tlscheck share no protocol version or cipher suite; run with --enumerate."),
    CLIENT_CERTIFICATE_REJECTED("handshake.client-certificate", "ClientCertificateRejected", Verdict.FAILING,
            "The server requires a client certificate it accepts: give one with --client-cert/--client-key."),
    CONNECTION_RESET("connect.reset", "ConnectionReset", Verdict.UNKNOWN,
            "The peer closed the connection during the handshake."),
    CLIENT_CONFIGURATION("client.configuration", "InvalidClientConfiguration", Verdict.UNKNOWN,
            "tlscheck could not use the options it was given; see the message."),
    ERROR("probe.error", "ProbeError", Verdict.UNKNOWN,
            "An unexpected error; see the message.");

    private final String id;
    private final String reason;
    private final Verdict verdict;
    private final String remedy;

    FailureKind(String id, String reason, Verdict verdict, String remedy) {
        this.id = id;
        this.reason = reason;
        this.verdict = verdict;
        this.remedy = remedy;
    }

    public String id() {
        return id;
    }

    public String reason() {
        return reason;
    }

    public Verdict verdict() {
        return verdict;
    }

    public String remedy() {
        return remedy;
    }
}
