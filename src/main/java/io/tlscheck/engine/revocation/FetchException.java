package io.tlscheck.engine.revocation;

/**
 * Why an OCSP responder or CRL server gave nothing usable. The message completes a sentence
 * that starts with what was asked ("OCSP responder http://ocsp.example timed out"), so it can
 * go into a report as it is.
 */
final class FetchException extends Exception {
    FetchException(String message) {
        super(message, null, false, false);
    }
}
