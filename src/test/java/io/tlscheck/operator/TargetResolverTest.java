package io.tlscheck.operator;

import static io.tlscheck.operator.TestTlsChecks.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressLoadBalancerIngress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressLoadBalancerIngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLSBuilder;
import io.tlscheck.api.v1alpha1.TlsCheckSpec;
import io.tlscheck.engine.Endpoint;

class TargetResolverTest {
    private static final int MAX_ENDPOINTS = 3;

    private final MapClusterView cluster = new MapClusterView();
    private final TargetResolver resolver = new TargetResolver(cluster,
            new TargetPolicy(List.of(), List.of(), List.of(), List.of(), true), MAX_ENDPOINTS);

    private Resolution resolve(TlsCheckSpec spec) {
        return resolver.resolve(TestTlsChecks.of(spec));
    }

    private static List<Endpoint> endpoints(Resolution resolution) {
        return resolution.endpoints().stream().map(PlannedEndpoint::endpoint).toList();
    }

    @Nested
    class Host {
        @Test
        void defaultsToPort443AndAsksForItsOwnName() {
            Resolution resolution = resolve(TestTlsChecks.host("shop.example"));

            assertThat(resolution.ok()).isTrue();
            assertThat(resolution.target()).isEqualTo("shop.example:443");
            assertThat(resolution.endpoints()).containsExactly(
                    new PlannedEndpoint(new Endpoint("shop.example", 443, "shop.example"), null, null));
        }

        @Test
        void takesPortAndServerNameFromTheSpec() {
            TlsCheckSpec spec = TestTlsChecks.host("10.0.0.5");
            spec.setPort(8443);
            spec.setServerName("api.shop.example");

            assertThat(endpoints(resolve(spec))).containsExactly(new Endpoint("10.0.0.5", 8443, "api.shop.example"));
        }

        @Test
        void anIpLiteralSendsNoSni() {
            assertThat(endpoints(resolve(TestTlsChecks.host("10.0.0.5")))).containsExactly(new Endpoint("10.0.0.5", 443, null));
            assertThat(endpoints(resolve(TestTlsChecks.host("fd00::5")))).containsExactly(new Endpoint("fd00::5", 443, null));
        }

        @Test
        void anIpv6TargetIsBracketedSoThePortStandsApart() {
            assertThat(resolve(TestTlsChecks.host("fd00::5")).target()).isEqualTo("[fd00::5]:443");
        }

        @Test
        void aDeniedHostIsNotAllowedAndHasNoEndpoints() {
            Resolution resolution = resolve(TestTlsChecks.host("metadata.google.internal"));

            assertThat(resolution.ok()).isFalse();
            assertThat(resolution.reason()).isEqualTo("TargetNotAllowed");
            assertThat(resolution.message()).contains("metadata.google.internal", "denied by the target policy");
            assertThat(resolution.endpoints()).isEmpty();
        }
    }

    @Nested
    class ServiceTarget {
        @Test
        void aMissingServiceIsNotFound() {
            Resolution resolution = resolve(TestTlsChecks.service("web", null));

            assertThat(resolution.reason()).isEqualTo("ServiceNotFound");
            assertThat(resolution.target()).isEqualTo("service/web");
            assertThat(resolution.message()).contains("web", NAMESPACE);
        }

        @Test
        void choosesThePortByNameOrNumber() {
            cluster.add(service("web", port("https", 443), port("metrics", 9090)),
                    slice("web-a", "https", 8443, ready("10.0.0.1", "web-1")),
                    slice("web-b", "metrics", 9091, ready("10.0.0.1", "web-1")));

            assertThat(endpoints(resolve(TestTlsChecks.service("web", "https")))).extracting(Endpoint::port)
                    .containsExactly(8443);
            assertThat(endpoints(resolve(TestTlsChecks.service("web", "443")))).extracting(Endpoint::port)
                    .containsExactly(8443);
            assertThat(endpoints(resolve(TestTlsChecks.service("web", "9090")))).extracting(Endpoint::port)
                    .containsExactly(9091);
        }

        @Test
        void withoutAPortTheOnlyOneOrTheHttpsOneIsTaken() {
            cluster.add(service("single", port("web", 8080)), slice("single-a", "web", 8080, ready("10.0.0.1", null)),
                    service("pair", port("metrics", 9090), port(null, 443)), slice("pair-a", null, 8443, ready("10.0.0.2", null)));

            assertThat(endpoints(resolve(TestTlsChecks.service("single", null)))).extracting(Endpoint::port)
                    .containsExactly(8080);
            assertThat(endpoints(resolve(TestTlsChecks.service("pair", null)))).extracting(Endpoint::port)
                    .containsExactly(8443);
        }

        @Test
        void anAmbiguousOrUnknownPortIsNotFound() {
            cluster.add(service("web", port("metrics", 9090), port("admin", 9000)));

            Resolution ambiguous = resolve(TestTlsChecks.service("web", null));
            assertThat(ambiguous.reason()).isEqualTo("ServicePortNotFound");
            assertThat(ambiguous.message()).contains("several ports", "spec.service.port");
            Resolution unknown = resolve(TestTlsChecks.service("web", "8443"));
            assertThat(unknown.reason()).isEqualTo("ServicePortNotFound");
            assertThat(unknown.message()).contains("no port 8443");
        }

        @Test
        void checksEveryReadyEndpointAndTreatsAnAbsentConditionAsReady() {
            cluster.add(service("web", port("https", 443)),
                    slice("web-a", "https", 8443, ready("10.0.0.1", "web-1"), notReady("10.0.0.2", "web-2")),
                    slice("web-b", "https", 8443, noConditions("10.0.0.3", "web-3")));

            Resolution resolution = resolve(TestTlsChecks.service("web", "https"));

            assertThat(resolution.ok()).isTrue();
            assertThat(resolution.endpoints()).containsExactly(
                    new PlannedEndpoint(new Endpoint("10.0.0.1", 8443, "web.shop.svc"), "web-1", null),
                    new PlannedEndpoint(new Endpoint("10.0.0.3", 8443, "web.shop.svc"), "web-3", null));
        }

        @Test
        void namesPodsOnlyFromPodTargetRefs() {
            var nodeBacked = new EndpointBuilder().withAddresses("10.0.0.9").withNewTargetRef().withKind("Node")
                    .withName("node-1").endTargetRef().build();
            cluster.add(service("web", port("https", 443)), slice("web-a", "https", 8443, nodeBacked));

            assertThat(resolve(TestTlsChecks.service("web", null)).endpoints()).extracting(PlannedEndpoint::pod)
                    .containsExactly((String) null);
        }

        @Test
        void anEndpointListedInTwoSlicesIsCheckedOnce() {
            // EndpointSlices may overlap while the controller moves endpoints between them.
            cluster.add(service("web", port("https", 443)),
                    slice("web-a", "https", 8443, ready("10.0.0.1", "web-1"), ready("10.0.0.2", "web-2")),
                    slice("web-b", "https", 8443, ready("10.0.0.2", "web-2")));

            assertThat(endpoints(resolve(TestTlsChecks.service("web", null)))).extracting(Endpoint::host)
                    .containsExactly("10.0.0.1", "10.0.0.2");
        }

        @Test
        void serverNameCanBeSet() {
            cluster.add(service("web", port("https", 443)), slice("web-a", "https", 8443, ready("10.0.0.1", "web-1")));
            TlsCheckSpec spec = TestTlsChecks.service("web", null);
            spec.setServerName("www.shop.example");

            assertThat(endpoints(resolve(spec))).extracting(Endpoint::serverName).containsExactly("www.shop.example");
        }

        @Test
        void anyChecksOneEndpoint() {
            cluster.add(service("web", port("https", 443)),
                    slice("web-a", "https", 8443, ready("10.0.0.2", "web-2"), ready("10.0.0.1", "web-1")));
            TlsCheckSpec spec = TestTlsChecks.service("web", null);
            spec.getService().setEndpoints("Any");

            Resolution resolution = resolve(spec);

            assertThat(endpoints(resolution)).extracting(Endpoint::host).containsExactly("10.0.0.1");
            assertThat(resolution.message()).isNull();
        }

        @Test
        void moreEndpointsThanTheLimitAreTruncatedWithANote() {
            cluster.add(service("web", port("https", 443)), slice("web-a", "https", 8443,
                    ready("10.0.0.1", "p1"), ready("10.0.0.2", "p2"), ready("10.0.0.3", "p3"), ready("10.0.0.4", "p4"),
                    ready("10.0.0.5", "p5")));

            Resolution resolution = resolve(TestTlsChecks.service("web", null));

            assertThat(resolution.ok()).isTrue();
            assertThat(resolution.endpoints()).hasSize(MAX_ENDPOINTS);
            assertThat(resolution.message()).isEqualTo("checking 3 of 5 endpoints");
        }

        @Test
        void noReadyEndpointOnThePortIsNoReadyEndpoints() {
            cluster.add(service("web", port("https", 443), port("metrics", 9090)),
                    slice("web-a", "https", 8443, notReady("10.0.0.1", "web-1")),
                    slice("web-b", "metrics", 9090, ready("10.0.0.2", "web-2")));

            Resolution resolution = resolve(TestTlsChecks.service("web", "https"));

            assertThat(resolution.reason()).isEqualTo("NoReadyEndpoints");
            assertThat(resolution.message()).contains("web", "https");
            assertThat(resolution.endpoints()).isEmpty();
        }
    }

    @Nested
    class IngressTarget {
        @Test
        void aMissingIngressIsNotFound() {
            Resolution resolution = resolve(TestTlsChecks.ingress("shop"));

            assertThat(resolution.reason()).isEqualTo("IngressNotFound");
            assertThat(resolution.target()).isEqualTo("ingress/shop");
        }

        @Test
        void anIngressWithoutLoadBalancerAddressHasNoAddress() {
            cluster.add(ingress("shop", List.of(), tls("shop-tls", "www.shop.example")));

            assertThat(resolve(TestTlsChecks.ingress("shop")).reason()).isEqualTo("IngressNoAddress");
        }

        @Test
        void checksEachTlsHostThroughTheLoadBalancerIpWithThatName() {
            cluster.add(ingress("shop", List.of(lbIp("203.0.113.7")),
                    tls("shop-tls", "www.shop.example", "shop.example"), tls(null, "api.shop.example")));

            Resolution resolution = resolve(TestTlsChecks.ingress("shop"));

            assertThat(resolution.ok()).isTrue();
            assertThat(resolution.endpoints()).containsExactly(
                    new PlannedEndpoint(new Endpoint("203.0.113.7", 443, "www.shop.example"), null, "shop/shop-tls"),
                    new PlannedEndpoint(new Endpoint("203.0.113.7", 443, "shop.example"), null, "shop/shop-tls"),
                    new PlannedEndpoint(new Endpoint("203.0.113.7", 443, "api.shop.example"), null, null));
        }

        @Test
        void aLoadBalancerHostnameIsUsedWhenThereIsNoIp() {
            cluster.add(ingress("shop", List.of(lbHostname("lb-1.cloud.example")), tls("shop-tls", "www.shop.example")));

            assertThat(endpoints(resolve(TestTlsChecks.ingress("shop")))).containsExactly(
                    new Endpoint("lb-1.cloud.example", 443, "www.shop.example"));
        }

        @Test
        void wildcardHostsAreSkipped() {
            cluster.add(ingress("shop", List.of(lbIp("203.0.113.7")), tls("shop-tls", "*.shop.example", "www.shop.example")));

            assertThat(endpoints(resolve(TestTlsChecks.ingress("shop")))).extracting(Endpoint::serverName)
                    .containsExactly("www.shop.example");
        }

        @Test
        void aHostInTwoTlsEntriesIsCheckedOnceAgainstTheFirstEntrysSecret() {
            cluster.add(ingress("shop", List.of(lbIp("203.0.113.7")),
                    tls("shop-tls", "www.shop.example"), tls("old-tls", "www.shop.example", "api.shop.example")));

            assertThat(resolve(TestTlsChecks.ingress("shop")).endpoints()).containsExactly(
                    new PlannedEndpoint(new Endpoint("203.0.113.7", 443, "www.shop.example"), null, "shop/shop-tls"),
                    new PlannedEndpoint(new Endpoint("203.0.113.7", 443, "api.shop.example"), null, "shop/old-tls"));
        }

        @Test
        void anIngressWithoutTlsHostsHasNothingToCheck() {
            cluster.add(ingress("plain", List.of(lbIp("203.0.113.7"))),
                    ingress("wild", List.of(lbIp("203.0.113.7")), tls("wild-tls", "*.shop.example")));

            assertThat(resolve(TestTlsChecks.ingress("plain")).reason()).isEqualTo("NoTlsHosts");
            assertThat(resolve(TestTlsChecks.ingress("wild")).reason()).isEqualTo("NoTlsHosts");
        }
    }

    private static Service service(String name, ServicePort... ports) {
        return new ServiceBuilder().withNewMetadata().withName(name).withNamespace(NAMESPACE).endMetadata()
                .withNewSpec().withPorts(ports).endSpec().build();
    }

    private static ServicePort port(String name, int number) {
        return new ServicePortBuilder().withName(name).withPort(number).withProtocol("TCP").build();
    }

    private static EndpointSlice slice(String name, String portName, int port,
                                       io.fabric8.kubernetes.api.model.discovery.v1.Endpoint... endpoints) {
        return new EndpointSliceBuilder().withNewMetadata().withName(name).withNamespace(NAMESPACE)
                .addToLabels(InformerClusterView.SERVICE_NAME_LABEL, name.substring(0, name.lastIndexOf('-'))).endMetadata()
                .withAddressType("IPv4").addNewPort().withName(portName).withPort(port).withProtocol("TCP").endPort()
                .withEndpoints(Arrays.asList(endpoints)).build();
    }

    private static io.fabric8.kubernetes.api.model.discovery.v1.Endpoint ready(String address, String pod) {
        return withConditions(address, pod, true);
    }

    private static io.fabric8.kubernetes.api.model.discovery.v1.Endpoint notReady(String address, String pod) {
        return withConditions(address, pod, false);
    }

    private static io.fabric8.kubernetes.api.model.discovery.v1.Endpoint withConditions(String address, String pod,
                                                                                         boolean ready) {
        return new EndpointBuilder(noConditions(address, pod)).withNewConditions().withReady(ready).endConditions().build();
    }

    private static io.fabric8.kubernetes.api.model.discovery.v1.Endpoint noConditions(String address, String pod) {
        EndpointBuilder endpoint = new EndpointBuilder().withAddresses(address);
        if (pod != null) {
            endpoint.withNewTargetRef().withKind("Pod").withName(pod).withNamespace(NAMESPACE).endTargetRef();
        }
        return endpoint.build();
    }

    private static Ingress ingress(String name, List<IngressLoadBalancerIngress> loadBalancer, IngressTLS... tls) {
        return new IngressBuilder().withNewMetadata().withName(name).withNamespace(NAMESPACE).endMetadata()
                .withNewSpec().withTls(tls).endSpec()
                .withNewStatus().withNewLoadBalancer().withIngress(loadBalancer).endLoadBalancer().endStatus().build();
    }

    private static IngressTLS tls(String secretName, String... hosts) {
        return new IngressTLSBuilder().withSecretName(secretName).withHosts(hosts).build();
    }

    private static IngressLoadBalancerIngress lbIp(String ip) {
        return new IngressLoadBalancerIngressBuilder().withIp(ip).build();
    }

    private static IngressLoadBalancerIngress lbHostname(String hostname) {
        return new IngressLoadBalancerIngressBuilder().withHostname(hostname).build();
    }
}
