package io.tlscheck.sidecar;

import java.time.Duration;

import io.tlscheck.engine.CheckRequest;
import io.tlscheck.engine.Endpoint;
import io.tlscheck.engine.Expectations;
import io.tlscheck.engine.ProbeOptions;
import io.tlscheck.engine.TrustAnchors;
import io.tlscheck.metrics.CheckKey;

/**
 * One TlsCheck from the config file, in the engine's terms, as the sidecar runs it.
 *
 * @param key       namespace (often empty in a sidecar's file) and name, as in metrics
 * @param location  {@code file:line} of its document, for logs
 * @param endpoint  what to probe
 * @param probe     how to connect, without the client certificate
 * @param expect    the validation policy
 * @param trust     the anchors a chain must end at
 * @param interval  how often, from the spec
 * @param readiness whether a Failing verdict takes the pod out of readiness
 * @param suspended {@code spec.suspend}: not run at all
 * @param client    the client certificate files, for checks that declare {@code clientCertificate}; else {@code null}
 */
record SidecarCheck(CheckKey key, String location, Endpoint endpoint, ProbeOptions probe, Expectations expect,
                    TrustAnchors trust, Duration interval, boolean readiness, boolean suspended,
                    ClientCertificateFiles client) {

    /** What to run now: the client certificate as it is on disk at this moment. */
    CheckRequest request() {
        ProbeOptions options = client == null ? probe : probe.withClientCredentials(client.current());
        return CheckRequest.of(endpoint, options, expect, trust);
    }

    /** {@code 127.0.0.1:8443}, as logs and health data show the target. */
    String target() {
        return endpoint.toString();
    }
}
