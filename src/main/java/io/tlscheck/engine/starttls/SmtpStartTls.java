package io.tlscheck.engine.starttls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** RFC 3207: greeting, EHLO, check the STARTTLS capability, STARTTLS, expect 220. */
final class SmtpStartTls implements StartTlsNegotiator {
    private static final int MAX_REPLY_LINES = 100;

    @Override
    public void negotiate(InputStream in, OutputStream out) throws IOException {
        LineChannel channel = new LineChannel(in, out);
        expect(channel, "220", "greeting");
        channel.writeLine("EHLO tlscheck.invalid");
        String capabilities = expect(channel, "250", "EHLO");
        if (!capabilities.toUpperCase(java.util.Locale.ROOT).contains("STARTTLS")) {
            throw new StartTlsException("the SMTP server does not offer STARTTLS");
        }
        channel.writeLine("STARTTLS");
        expect(channel, "220", "STARTTLS");
    }

    /** Reads a possibly multi-line reply ("250-..." lines then "250 ..."); returns all its text. */
    private static String expect(LineChannel channel, String code, String step) throws IOException {
        StringBuilder reply = new StringBuilder();
        for (int i = 0; i < MAX_REPLY_LINES; i++) {
            String line = channel.readLine();
            if (line.length() < 3 || !line.startsWith(code)) {
                throw new StartTlsException("SMTP server answered " + step + " with " + LineChannel.quote(line));
            }
            reply.append(line).append('\n');
            if (line.length() == 3 || line.charAt(3) != '-') {
                return reply.toString();
            }
        }
        throw new StartTlsException("SMTP reply to " + step + " has more than " + MAX_REPLY_LINES + " lines");
    }
}
