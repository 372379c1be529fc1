package io.tlscheck.engine.starttls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** RFC 2595 §4: greeting "+OK", then STLS, expect "+OK". */
final class Pop3StartTls implements StartTlsNegotiator {
    @Override
    public void negotiate(InputStream in, OutputStream out) throws IOException {
        LineChannel channel = new LineChannel(in, out);
        String greeting = channel.readLine();
        if (!greeting.startsWith("+OK")) {
            throw new StartTlsException("POP3 server greeted with " + LineChannel.quote(greeting));
        }
        channel.writeLine("STLS");
        String reply = channel.readLine();
        if (!reply.startsWith("+OK")) {
            throw new StartTlsException("POP3 server refused STLS: " + LineChannel.quote(reply));
        }
    }
}
