package io.tlscheck.operator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.tlscheck.api.v1alpha1.ServiceTarget;
import io.tlscheck.api.v1alpha1.TlsCheck;
import io.tlscheck.api.v1alpha1.TlsCheckSpec;
import io.tlscheck.engine.IpLiterals;
import io.tlscheck.plan.SpecTranslator;

/**
 * Turns a TlsCheck's target into endpoints: a host as given; a Service into each ready
 * endpoint of its EndpointSlices (so one replica serving an old certificate shows up); an
 * Ingress into each {@code spec.tls[].hosts} entry reached through its load-balancer address.
 */
public final class TargetResolver {
    private static final int HTTPS = 443;

    private final ClusterView cluster;
    private final TargetPolicy policy;
    private final int maxEndpoints;

    public TargetResolver(ClusterView cluster, TargetPolicy policy, int maxEndpoints) {
        this.cluster = cluster;
        this.policy = policy;
        this.maxEndpoints = maxEndpoints;
    }

    public Resolution resolve(TlsCheck check) {
        TlsCheckSpec spec = check.getSpec();
        String namespace = check.getMetadata().getNamespace();
        if (spec.getHost() != null) {
            return host(spec);
        }
        if (spec.getService() != null) {
            return service(namespace, spec);
        }
        if (spec.getIngress() != null) {
            return ingress(namespace, spec);
        }
        return Resolution.unresolved("", "InvalidSpec", "exactly one of host, service or ingress must be set");
    }

    private Resolution host(TlsCheckSpec spec) {
        int port = SpecTranslator.port(spec);
        // An IPv6 literal is bracketed, as in a URL: otherwise its last group reads like the port.
        String target = (spec.getHost().contains(":") ? "[" + spec.getHost() + "]" : spec.getHost()) + ":" + port;
        Optional<String> denied = policy.denyHost(spec.getHost());
        if (denied.isPresent()) {
            return Resolution.unresolved(target, "TargetNotAllowed", denied.get());
        }
        String serverName = spec.getServerName() != null ? spec.getServerName()
                : IpLiterals.isIpLiteral(spec.getHost()) ? null : spec.getHost();
        return Resolution.resolved(target,
                List.of(new PlannedEndpoint(new io.tlscheck.engine.Endpoint(spec.getHost(), port, serverName), null,
                        null)), null);
    }

    private Resolution service(String namespace, TlsCheckSpec spec) {
        ServiceTarget target = spec.getService();
        String label = "service/" + target.getName();
        Optional<Service> service = cluster.service(namespace, target.getName());
        if (service.isEmpty()) {
            return Resolution.unresolved(label, "ServiceNotFound",
                    "Service " + target.getName() + " not found in namespace " + namespace);
        }
        Optional<ServicePort> port = servicePort(service.get(), target.getPort());
        if (port.isEmpty()) {
            return Resolution.unresolved(label, "ServicePortNotFound", target.getPort() == null
                    ? "Service " + target.getName() + " has several ports; set spec.service.port"
                    : "Service " + target.getName() + " has no port " + target.getPort());
        }
        String serverName = spec.getServerName() != null ? spec.getServerName()
                : target.getName() + "." + namespace + ".svc";
        List<PlannedEndpoint> endpoints = new ArrayList<>();
        // Slices may overlap while endpoints move between them: each endpoint is checked once.
        Set<io.tlscheck.engine.Endpoint> seen = new HashSet<>();
        for (EndpointSlice slice : cluster.endpointSlices(namespace, target.getName())) {
            Integer number = slicePort(slice, port.get());
            if (number == null || slice.getEndpoints() == null) {
                continue;
            }
            for (Endpoint endpoint : slice.getEndpoints()) {
                if (!ready(endpoint)) {
                    continue;
                }
                String pod = endpoint.getTargetRef() != null && "Pod".equals(endpoint.getTargetRef().getKind())
                        ? endpoint.getTargetRef().getName() : null;
                for (String address : endpoint.getAddresses()) {
                    var probed = new io.tlscheck.engine.Endpoint(address, number, serverName);
                    if (seen.add(probed)) {
                        endpoints.add(new PlannedEndpoint(probed, pod, null));
                    }
                }
            }
        }
        if (endpoints.isEmpty()) {
            return Resolution.unresolved(label, "NoReadyEndpoints",
                    "Service " + target.getName() + " has no ready endpoints on port " + portName(port.get()));
        }
        endpoints.sort(Comparator.comparing(p -> p.endpoint().host()));
        if ("Any".equals(target.getEndpoints())) {
            return Resolution.resolved(label, endpoints.subList(0, 1), null);
        }
        return bounded(label, endpoints, "endpoints");
    }

    private Resolution ingress(String namespace, TlsCheckSpec spec) {
        String name = spec.getIngress().getName();
        String label = "ingress/" + name;
        Optional<Ingress> ingress = cluster.ingress(namespace, name);
        if (ingress.isEmpty()) {
            return Resolution.unresolved(label, "IngressNotFound", "Ingress " + name + " not found in namespace " + namespace);
        }
        Optional<String> address = loadBalancerAddress(ingress.get());
        if (address.isEmpty()) {
            return Resolution.unresolved(label, "IngressNoAddress",
                    "Ingress " + name + " has no load-balancer address yet (status.loadBalancer.ingress is empty)");
        }
        List<IngressTLS> tls = ingress.get().getSpec() == null || ingress.get().getSpec().getTls() == null
                ? List.of() : ingress.get().getSpec().getTls();
        List<PlannedEndpoint> endpoints = new ArrayList<>();
        Set<String> hosts = new HashSet<>();
        for (IngressTLS entry : tls) {
            String secretRef = entry.getSecretName() == null ? null : namespace + "/" + entry.getSecretName();
            for (String host : entry.getHosts() == null ? List.<String>of() : entry.getHosts()) {
                // SNI cannot carry a wildcard: such an entry has no single name to ask for. A host
                // listed again in a later entry is served from the first one (as ingress-nginx
                // and Traefik do), so it is checked once, against the first entry's Secret.
                if (!host.startsWith("*") && hosts.add(host)) {
                    endpoints.add(new PlannedEndpoint(new io.tlscheck.engine.Endpoint(address.get(), HTTPS, host), null,
                            secretRef));
                }
            }
        }
        if (endpoints.isEmpty()) {
            return Resolution.unresolved(label, "NoTlsHosts", "Ingress " + name + " has no spec.tls hosts to check");
        }
        return bounded(label, endpoints, "TLS hosts");
    }

    private Resolution bounded(String label, List<PlannedEndpoint> endpoints, String what) {
        if (endpoints.size() <= maxEndpoints) {
            return Resolution.resolved(label, endpoints, null);
        }
        return Resolution.resolved(label, endpoints.subList(0, maxEndpoints),
                "checking " + maxEndpoints + " of " + endpoints.size() + " " + what);
    }

    /** By name or number; an unnamed choice is fine when there is one port, or one called https / 443. */
    static Optional<ServicePort> servicePort(Service service, String wanted) {
        List<ServicePort> ports = service.getSpec() == null || service.getSpec().getPorts() == null
                ? List.of() : service.getSpec().getPorts();
        if (wanted == null) {
            if (ports.size() == 1) {
                return Optional.of(ports.get(0));
            }
            return ports.stream().filter(p -> "https".equals(p.getName()) || Integer.valueOf(HTTPS).equals(p.getPort()))
                    .findFirst();
        }
        return ports.stream()
                .filter(p -> wanted.equals(p.getName()) || wanted.equals(String.valueOf(p.getPort())))
                .findFirst();
    }

    /** EndpointSlice ports carry the Service port's name and the resolved target port. */
    private static Integer slicePort(EndpointSlice slice, ServicePort servicePort) {
        if (slice.getPorts() == null) {
            return null;
        }
        String name = servicePort.getName() == null ? "" : servicePort.getName();
        for (EndpointPort port : slice.getPorts()) {
            String portName = port.getName() == null ? "" : port.getName();
            if (portName.equals(name)) {
                return port.getPort();
            }
        }
        return null;
    }

    /** An endpoint with no ready condition counts as ready (discovery.k8s.io/v1 semantics). */
    private static boolean ready(Endpoint endpoint) {
        return endpoint.getConditions() == null || !Boolean.FALSE.equals(endpoint.getConditions().getReady());
    }

    private static Optional<String> loadBalancerAddress(Ingress ingress) {
        if (ingress.getStatus() == null || ingress.getStatus().getLoadBalancer() == null
                || ingress.getStatus().getLoadBalancer().getIngress() == null) {
            return Optional.empty();
        }
        for (var lb : ingress.getStatus().getLoadBalancer().getIngress()) {
            if (lb.getIp() != null && !lb.getIp().isEmpty()) {
                return Optional.of(lb.getIp());
            }
            if (lb.getHostname() != null && !lb.getHostname().isEmpty()) {
                return Optional.of(lb.getHostname());
            }
        }
        return Optional.empty();
    }

    private static String portName(ServicePort port) {
        return port.getName() != null ? port.getName() : String.valueOf(port.getPort());
    }
}
