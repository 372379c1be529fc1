package io.tlscheck.engine.starttls;

import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * PostgreSQL's SSLRequest (protocol docs §55.2.10): an 8-byte message, answered by a single
 * byte, 'S' to go ahead with TLS or 'N' when the server has SSL off.
 */
final class PostgresSslRequest implements StartTlsNegotiator {
    private static final int SSL_REQUEST_CODE = 80877103;

    @Override
    public void negotiate(InputStream in, OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(8);
        data.writeInt(SSL_REQUEST_CODE);
        data.flush();
        int answer = in.read();
        if (answer < 0) {
            throw new EOFException("the PostgreSQL server closed the connection");
        }
        if (answer == 'N') {
            throw new StartTlsException("the PostgreSQL server does not accept SSL (ssl = off)");
        }
        if (answer != 'S') {
            throw new StartTlsException("not a PostgreSQL server: answered the SSLRequest with byte " + answer);
        }
    }
}
