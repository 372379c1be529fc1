package io.tlscheck.testing;

import java.security.KeyPair;
import java.security.cert.X509Certificate;

/** A certificate generated for a test, with its key pair. */
public record Issued(X509Certificate certificate, KeyPair keyPair) {
}
