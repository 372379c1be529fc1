package io.tlscheck.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import io.tlscheck.engine.TlsRuntime;

/**
 * Configures the JDK's TLS the way every tlscheck process does, before the first test runs:
 * JSSE reads its settings once, so a test that touches TLS first (an HTTP client, say) would
 * otherwise leave later tests with the JDK's narrower defaults, depending on test order.
 */
public final class TlsRuntimeSessionListener implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        TlsRuntime.configure();
    }
}
