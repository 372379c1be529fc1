package io.tlscheck.operator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;

/**
 * A {@link ClusterView} over plain maps of Fabric8 objects, for unit tests that need no API
 * server. Like the operator's informer view, {@link #secret} hands out pruned Secrets and only
 * {@link #secretWithPrivateKey} the whole object.
 */
final class MapClusterView implements ClusterView {
    private final Map<String, HasMetadata> objects = new HashMap<>();
    private final List<EndpointSlice> slices = new ArrayList<>();

    MapClusterView add(HasMetadata... items) {
        for (HasMetadata item : items) {
            if (item instanceof EndpointSlice slice) {
                slices.add(slice);
            } else {
                objects.put(key(item.getClass(), item.getMetadata().getNamespace(), item.getMetadata().getName()), item);
            }
        }
        return this;
    }

    private static String key(Class<?> type, String namespace, String name) {
        return type.getSimpleName() + "/" + namespace + "/" + name;
    }

    private <T> Optional<T> get(Class<T> type, String namespace, String name) {
        return Optional.ofNullable(type.cast(objects.get(key(type, namespace, name))));
    }

    @Override
    public Optional<Service> service(String namespace, String name) {
        return get(Service.class, namespace, name);
    }

    @Override
    public List<EndpointSlice> endpointSlices(String namespace, String serviceName) {
        return slices.stream()
                .filter(s -> namespace.equals(s.getMetadata().getNamespace()))
                .filter(s -> serviceName.equals(s.getMetadata().getLabels().get(InformerClusterView.SERVICE_NAME_LABEL)))
                .toList();
    }

    @Override
    public Optional<Ingress> ingress(String namespace, String name) {
        return get(Ingress.class, namespace, name);
    }

    @Override
    public Optional<Secret> secret(String namespace, String name) {
        return get(Secret.class, namespace, name).map(SecretPruning::prune);
    }

    @Override
    public Optional<ConfigMap> configMap(String namespace, String name) {
        return get(ConfigMap.class, namespace, name);
    }

    @Override
    public Optional<Secret> secretWithPrivateKey(String namespace, String name) {
        return get(Secret.class, namespace, name);
    }
}
