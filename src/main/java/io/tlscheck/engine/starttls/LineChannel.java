package io.tlscheck.engine.starttls;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * CRLF-terminated text lines over the plain connection, read one byte at a time so that not a
 * byte of the TLS handshake that follows is consumed. Lines are bounded so a hostile server
 * cannot make the client buffer without end.
 */
final class LineChannel {
    private static final int MAX_LINE = 4096;

    private final InputStream in;
    private final OutputStream out;

    LineChannel(InputStream in, OutputStream out) {
        this.in = in;
        this.out = out;
    }

    String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new EOFException("the server closed the connection");
            }
            if (line.size() >= MAX_LINE) {
                throw new StartTlsException("the server sent a line longer than " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    void writeLine(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Shortened for error messages: a server's reply is quoted, but never at length. */
    static String quote(String line) {
        String printable = line.replaceAll("[^\\x20-\\x7e]", "?");
        return "\"" + (printable.length() > 120 ? printable.substring(0, 120) + "..." : printable) + "\"";
    }
}
