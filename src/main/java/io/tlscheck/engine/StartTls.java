package io.tlscheck.engine;

import java.util.Locale;

/** Plain-text protocols that upgrade to TLS in-band before the handshake. */
public enum StartTls {
    SMTP, IMAP, POP3, FTP, POSTGRES;

    /** Parses a name as users write it: {@code smtp}, {@code postgres}, {@code postgresql}, ... */
    public static StartTls parse(String name) {
        String normalized = name.trim().toUpperCase(Locale.ROOT);
        if (normalized.equals("POSTGRESQL")) {
            return POSTGRES;
        }
        try {
            return valueOf(normalized);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown STARTTLS protocol '" + name
                    + "' (expected one of smtp, imap, pop3, ftp, postgres)");
        }
    }

    public String displayName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
