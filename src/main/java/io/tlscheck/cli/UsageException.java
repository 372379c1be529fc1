package io.tlscheck.cli;

/** Bad input from the user: reported as one line, exit code 64 (EX_USAGE), no stack trace. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
