package io.tlscheck.cli;

import io.tlscheck.engine.Inspector;
import io.tlscheck.engine.revocation.RevocationChecker;

/** The one place the CLI assembles the engine, so every command judges alike. */
final class Engines {
    private Engines() {
    }

    static Inspector inspector() {
        return Inspector.withDefaults(RevocationChecker.NONE);
    }
}
