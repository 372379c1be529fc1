package io.tlscheck.operator;

import java.util.List;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;

/**
 * The cluster objects a TlsCheck refers to, as the operator sees them (from informer caches, so
 * resolving a target costs the API server nothing). Cached Secrets carry no private keys; the
 * one read that needs a key goes to the API server.
 */
public interface ClusterView {
    Optional<Service> service(String namespace, String name);

    /** The EndpointSlices of a Service (label {@code kubernetes.io/service-name}). */
    List<EndpointSlice> endpointSlices(String namespace, String serviceName);

    Optional<Ingress> ingress(String namespace, String name);

    /** A Secret without its private keys. */
    Optional<Secret> secret(String namespace, String name);

    Optional<ConfigMap> configMap(String namespace, String name);

    /** A Secret with every key, private ones included: only for client certificates. */
    Optional<Secret> secretWithPrivateKey(String namespace, String name);
}
