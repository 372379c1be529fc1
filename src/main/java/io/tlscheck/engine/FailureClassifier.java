package io.tlscheck.engine;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLException;

import io.tlscheck.engine.starttls.StartTlsException;

/**
 * Turns the exceptions of a failed probe into a category and one readable line. Expected
 * failures never surface as stack traces.
 */
final class FailureClassifier {
    private static final Pattern ALERT = Pattern.compile("(?:Received fatal alert|alert): ?([a-z_]+)");

    private FailureClassifier() {
    }

    static ProbeFailure classify(Throwable error, ProbePhase phase, Endpoint endpoint, Duration timeout,
                                 boolean deadlinePassed) {
        String where = endpoint.host() + ":" + endpoint.port();
        if (deadlinePassed || error instanceof SocketTimeoutException) {
            return timeout(phase, where, timeout);
        }
        if (error instanceof UnknownHostException) {
            return new ProbeFailure(FailureKind.DNS_FAILURE, "cannot resolve " + endpoint.host());
        }
        if (error instanceof NoRouteToHostException || error instanceof PortUnreachableException) {
            return new ProbeFailure(FailureKind.NETWORK_UNREACHABLE, "no route to " + where);
        }
        if (error instanceof ConnectException) {
            String message = String.valueOf(error.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("unreachable")) {
                return new ProbeFailure(FailureKind.NETWORK_UNREACHABLE, "network unreachable for " + where);
            }
            return new ProbeFailure(FailureKind.CONNECTION_REFUSED, "connection refused by " + where);
        }
        if (error instanceof StartTlsException) {
            return new ProbeFailure(FailureKind.STARTTLS_FAILED, error.getMessage());
        }
        if (phase == ProbePhase.STARTTLS) {
            return new ProbeFailure(FailureKind.STARTTLS_FAILED,
                    "STARTTLS dialogue with " + where + " failed: " + describe(error));
        }
        if (phase == ProbePhase.CONFIRM && !(error instanceof SSLException ssl && ALERT.matcher(String.valueOf(ssl.getMessage())).find())
                && (error instanceof SSLException || error instanceof SocketException || error instanceof EOFException)) {
            // The handshake finished and the server asked for a certificate; a TLS 1.3 server
            // that dislikes ours (or its absence) then sends an alert and closes. Depending on
            // timing the client sees the alert, an EOF, a reset or a broken pipe while JSSE
            // answers the alert: all of them mean the same rejection.
            return new ProbeFailure(FailureKind.CLIENT_CERTIFICATE_REJECTED,
                    where + " rejected the client certificate (closed the session right after the handshake)");
        }
        if (error instanceof SSLException ssl) {
            return classifyTls(ssl, phase, where);
        }
        if (error instanceof EOFException || error instanceof SocketException) {
            return new ProbeFailure(FailureKind.CONNECTION_RESET,
                    where + " closed the connection during the " + phaseName(phase) + " (" + describe(error) + ")");
        }
        if (error instanceof IOException) {
            return new ProbeFailure(FailureKind.ERROR, where + ": " + describe(error));
        }
        return new ProbeFailure(FailureKind.ERROR, where + ": unexpected " + describe(error));
    }

    private static ProbeFailure classifyTls(SSLException error, ProbePhase phase, String where) {
        String message = String.valueOf(error.getMessage());
        Matcher alert = ALERT.matcher(message);
        if (alert.find()) {
            String description = alert.group(1);
            if (phase == ProbePhase.CONFIRM || description.equals("certificate_required")) {
                return new ProbeFailure(FailureKind.CLIENT_CERTIFICATE_REJECTED,
                        where + " rejected the client certificate (alert " + description + ")");
            }
            if (description.equals("protocol_version")) {
                return new ProbeFailure(FailureKind.NO_COMMON_PROTOCOL,
                        where + " accepts none of the protocol versions offered (alert protocol_version)");
            }
            return new ProbeFailure(FailureKind.TLS_ALERT, where + " sent TLS alert " + description);
        }
        if (message.contains("Unsupported or unrecognized SSL message") || message.contains("plaintext")) {
            return new ProbeFailure(FailureKind.NOT_TLS, where + " does not speak TLS (the reply is not a TLS record)");
        }
        if (message.contains("No appropriate protocol") || message.contains("no cipher suites in common")
                || message.contains("No negotiable cipher suite")) {
            return new ProbeFailure(FailureKind.NO_COMMON_PROTOCOL,
                    where + ": no protocol version or cipher suite in common (" + message + ")");
        }
        Throwable cause = error.getCause();
        if (cause instanceof SocketException || cause instanceof EOFException
                || message.contains("Remote host terminated") || message.contains("Connection reset")) {
            return new ProbeFailure(FailureKind.CONNECTION_RESET,
                    where + " closed the connection during the " + phaseName(phase));
        }
        return new ProbeFailure(FailureKind.TLS_ALERT, where + ": TLS handshake failed: " + message);
    }

    private static ProbeFailure timeout(ProbePhase phase, String where, Duration timeout) {
        String budget = Durations.format(timeout);
        return switch (phase) {
            case DNS -> new ProbeFailure(FailureKind.DNS_FAILURE, "DNS lookup did not finish within " + budget);
            case CONNECT -> new ProbeFailure(FailureKind.CONNECT_TIMEOUT,
                    "TCP connection to " + where + " not accepted within " + budget);
            case STARTTLS -> new ProbeFailure(FailureKind.STARTTLS_FAILED,
                    where + " did not complete the STARTTLS dialogue within " + budget);
            case HANDSHAKE, CONFIRM -> new ProbeFailure(FailureKind.HANDSHAKE_TIMEOUT,
                    where + " accepted TCP but did not complete a TLS handshake within " + budget);
        };
    }

    private static String phaseName(ProbePhase phase) {
        return switch (phase) {
            case DNS -> "DNS lookup";
            case CONNECT -> "TCP connect";
            case STARTTLS -> "STARTTLS dialogue";
            case HANDSHAKE -> "TLS handshake";
            case CONFIRM -> "session confirmation";
        };
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }
}
