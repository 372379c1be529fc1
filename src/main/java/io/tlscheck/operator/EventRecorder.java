package io.tlscheck.operator;

import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import org.jboss.logging.Logger;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.tlscheck.api.v1alpha1.TlsCheck;

/**
 * Writes core/v1 Events about a TlsCheck, the kind {@code kubectl describe} shows. An Event that
 * cannot be written is logged and dropped: Events are a courtesy, never a reason to fail.
 */
final class EventRecorder {
    private static final Logger LOG = Logger.getLogger(EventRecorder.class);
    static final String COMPONENT = "tlscheck-operator";

    private final KubernetesClient client;
    private final String instance;

    EventRecorder(KubernetesClient client, String instance) {
        this.client = client;
        this.instance = instance;
    }

    void record(TlsCheck check, TransitionEvents.Event event) {
        String namespace = check.getMetadata().getNamespace();
        String now = Instant.now().toString();
        var reference = new ObjectReferenceBuilder().withApiVersion(TlsCheck.API_VERSION).withKind("TlsCheck")
                .withName(check.getMetadata().getName()).withNamespace(namespace).withUid(check.getMetadata().getUid())
                .withResourceVersion(check.getMetadata().getResourceVersion()).build();
        var k8sEvent = new EventBuilder()
                .withNewMetadata()
                .withName(check.getMetadata().getName() + "." + Long.toHexString(System.nanoTime())
                        + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000)).toLowerCase(Locale.ROOT))
                .withNamespace(namespace).endMetadata()
                .withInvolvedObject(reference)
                .withType(event.type()).withReason(event.reason())
                .withMessage(ConditionSet.truncate(event.message()))
                .withFirstTimestamp(now).withLastTimestamp(now).withCount(1)
                .withNewSource().withComponent(COMPONENT).endSource()
                .withReportingComponent(COMPONENT).withReportingInstance(instance)
                .build();
        try {
            client.v1().events().inNamespace(namespace).resource(k8sEvent).create();
        } catch (KubernetesClientException e) {
            LOG.warnf("cannot record event %s for TlsCheck %s/%s: %s", event.reason(), namespace,
                    check.getMetadata().getName(), e.getStatus() == null ? e.getMessage() : e.getStatus().getMessage());
        }
    }
}
