package io.tlscheck.operator;

import java.util.List;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.tlscheck.api.v1alpha1.TlsCheck;

/** {@link ClusterView} over the reconciler's informer caches. */
final class InformerClusterView implements ClusterView {
    static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";

    private final InformerEventSource<Service, TlsCheck> services;
    private final InformerEventSource<EndpointSlice, TlsCheck> slices;
    private final InformerEventSource<Ingress, TlsCheck> ingresses;
    private final InformerEventSource<Secret, TlsCheck> secrets;
    private final InformerEventSource<ConfigMap, TlsCheck> configMaps;
    private final KubernetesClient client;

    InformerClusterView(InformerEventSource<Service, TlsCheck> services, InformerEventSource<EndpointSlice, TlsCheck> slices,
                        InformerEventSource<Ingress, TlsCheck> ingresses, InformerEventSource<Secret, TlsCheck> secrets,
                        InformerEventSource<ConfigMap, TlsCheck> configMaps, KubernetesClient client) {
        this.services = services;
        this.slices = slices;
        this.ingresses = ingresses;
        this.secrets = secrets;
        this.configMaps = configMaps;
        this.client = client;
    }

    @Override
    public Optional<Service> service(String namespace, String name) {
        return services.get(new ResourceID(name, namespace));
    }

    @Override
    public List<EndpointSlice> endpointSlices(String namespace, String serviceName) {
        return slices.list(namespace, slice -> slice.getMetadata().getLabels() != null
                && serviceName.equals(slice.getMetadata().getLabels().get(SERVICE_NAME_LABEL))).toList();
    }

    @Override
    public Optional<Ingress> ingress(String namespace, String name) {
        return ingresses.get(new ResourceID(name, namespace));
    }

    @Override
    public Optional<Secret> secret(String namespace, String name) {
        return secrets.get(new ResourceID(name, namespace));
    }

    @Override
    public Optional<ConfigMap> configMap(String namespace, String name) {
        return configMaps.get(new ResourceID(name, namespace));
    }

    /** Read from the API server: the cache holds no private keys, on purpose. */
    @Override
    public Optional<Secret> secretWithPrivateKey(String namespace, String name) {
        if (secrets.get(new ResourceID(name, namespace)).isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(client.secrets().inNamespace(namespace).withName(name).get());
        } catch (KubernetesClientException e) {
            return Optional.empty();
        }
    }
}
