package io.tlscheck.operator;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.tlscheck.engine.TlsRuntime;

/**
 * The operator's entry point. It exists for one reason: JSSE reads its settings once, and the
 * Kubernetes client speaks TLS long before the first check, so the engine's TLS settings must be
 * in place before Quarkus starts anything.
 */
@QuarkusMain
public final class OperatorMain {
    private OperatorMain() {
    }

    public static void main(String... args) {
        TlsRuntime.configure();
        Quarkus.run(args);
    }
}
