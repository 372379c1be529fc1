package io.tlscheck.engine.starttls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import io.tlscheck.engine.StartTls;

/** The plain-text dialogue that precedes a TLS handshake on a STARTTLS port. */
public interface StartTlsNegotiator {
    /**
     * Talks the protocol until the server agrees to start TLS.
     *
     * @throws StartTlsException when the server refuses or answers nonsense
     * @throws IOException       on network errors and timeouts
     */
    void negotiate(InputStream in, OutputStream out) throws IOException;

    static StartTlsNegotiator forProtocol(StartTls protocol) {
        return switch (protocol) {
            case SMTP -> new SmtpStartTls();
            case IMAP -> new ImapStartTls();
            case POP3 -> new Pop3StartTls();
            case FTP -> new FtpAuthTls();
            case POSTGRES -> new PostgresSslRequest();
        };
    }
}
