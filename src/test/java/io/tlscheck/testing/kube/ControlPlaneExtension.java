package io.tlscheck.testing.kube;

import io.fabric8.kubernetes.client.KubernetesClient;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives test classes the shared real control plane: started (or reused) once per test JVM by
 * {@code e2e/control-plane.sh up}, taken down when the last test has run if this JVM started
 * it. Use {@link WithControlPlane} on the class, then take a {@link ControlPlane} or a
 * {@link KubernetesClient} (the admin client) as a parameter of a test, a lifecycle method or
 * the constructor.
 *
 * <p>The binaries come from {@code e2e/build-control-plane.sh}; when they are missing the
 * tests fail with a message that says to run it (they are never skipped).
 */
public final class ControlPlaneExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ControlPlaneExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        plane(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == ControlPlane.class || type == KubernetesClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ControlPlane plane = plane(context);
        return parameter.getParameter().getType() == ControlPlane.class ? plane : plane.client();
    }

    /** In the root store, so it outlives every test class; JUnit closes it at the end of the run. */
    private static ControlPlane plane(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(Running.class, key -> new Running(ControlPlane.start()), Running.class)
                .plane();
    }

    private record Running(ControlPlane plane) implements AutoCloseable {
        @Override
        public void close() {
            plane.stop();
        }
    }
}
