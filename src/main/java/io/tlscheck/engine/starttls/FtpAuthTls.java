package io.tlscheck.engine.starttls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** RFC 4217 §4: greeting 220, then AUTH TLS, expect 234. */
final class FtpAuthTls implements StartTlsNegotiator {
    private static final int MAX_LINES = 100;

    @Override
    public void negotiate(InputStream in, OutputStream out) throws IOException {
        LineChannel channel = new LineChannel(in, out);
        readReply(channel, "220", "greeting");
        channel.writeLine("AUTH TLS");
        readReply(channel, "234", "AUTH TLS");
    }

    private static void readReply(LineChannel channel, String code, String step) throws IOException {
        for (int i = 0; i < MAX_LINES; i++) {
            String line = channel.readLine();
            if (!line.startsWith(code)) {
                throw new StartTlsException("FTP server answered " + step + " with " + LineChannel.quote(line));
            }
            if (line.length() == 3 || line.charAt(3) != '-') {
                return;
            }
        }
        throw new StartTlsException("FTP reply to " + step + " has more than " + MAX_LINES + " lines");
    }
}
