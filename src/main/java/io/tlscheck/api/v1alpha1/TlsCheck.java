package io.tlscheck.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A declared TLS check: one target (a host, a Service's endpoints or an Ingress's hosts) and
 * what it is held to. The operator reconciles it; the CLI and the sidecar read the same YAML.
 */
@Group(TlsCheck.GROUP)
@Version(TlsCheck.VERSION)
@Kind("TlsCheck")
@Plural("tlschecks")
@Singular("tlscheck")
@ShortNames("tlsc")
@AdditionalPrinterColumn(name = "Target", jsonPath = ".status.target", type = Type.STRING)
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status", type = Type.STRING)
@AdditionalPrinterColumn(name = "Verdict", jsonPath = ".status.verdict", type = Type.STRING)
@AdditionalPrinterColumn(name = "Expires-In", jsonPath = ".status.expiresIn", type = Type.STRING)
@AdditionalPrinterColumn(name = "Protocol", jsonPath = ".status.protocol", type = Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = Type.DATE)
@AdditionalPrinterColumn(name = "Reason", jsonPath = ".status.reason", type = Type.STRING, priority = 1)
@AdditionalPrinterColumn(name = "Message", jsonPath = ".status.message", type = Type.STRING, priority = 1)
public class TlsCheck extends CustomResource<TlsCheckSpec, TlsCheckStatus> implements Namespaced {
    public static final String GROUP = "tlscheck.io";
    public static final String VERSION = "v1alpha1";
    public static final String API_VERSION = GROUP + "/" + VERSION;
}
