package io.tlscheck.engine.starttls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** RFC 3501 §6.2.1: greeting "* OK", then "a1 STARTTLS" until the tagged "a1 OK". */
final class ImapStartTls implements StartTlsNegotiator {
    private static final int MAX_LINES = 100;

    @Override
    public void negotiate(InputStream in, OutputStream out) throws IOException {
        LineChannel channel = new LineChannel(in, out);
        String greeting = channel.readLine();
        if (!greeting.startsWith("* OK")) {
            throw new StartTlsException("IMAP server greeted with " + LineChannel.quote(greeting));
        }
        channel.writeLine("a1 STARTTLS");
        for (int i = 0; i < MAX_LINES; i++) {
            String line = channel.readLine();
            if (line.startsWith("a1 OK")) {
                return;
            }
            if (line.startsWith("a1 ")) {
                throw new StartTlsException("IMAP server refused STARTTLS: " + LineChannel.quote(line));
            }
        }
        throw new StartTlsException("IMAP server never answered STARTTLS");
    }
}
