package io.tlscheck.engine.starttls;

import java.io.IOException;

/** The server answered the upgrade dialogue, but not with a yes. */
public final class StartTlsException extends IOException {
    public StartTlsException(String message) {
        super(message);
    }
}
