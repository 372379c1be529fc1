package io.tlscheck.cli;

import io.tlscheck.engine.Inspector;
import io.tlscheck.engine.revocation.HttpRevocationChecker;

/** The one place the CLI assembles the engine, so every command judges alike. */
final class Engines {
    private Engines() {
    }

    static Inspector inspector() {
        // The revocation checker creates its HTTP client on first use: free when not asked for.
        return Inspector.withDefaults(new HttpRevocationChecker());
    }
}
