package io.tlscheck.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.tlscheck.api.v1alpha1.CaBundle;
import io.tlscheck.api.v1alpha1.KeyReference;
import io.tlscheck.api.v1alpha1.TlsCheck;
import io.tlscheck.api.v1alpha1.TlsCheckSpec;
import io.tlscheck.api.v1alpha1.Trust;
import io.tlscheck.engine.Pem;
import io.tlscheck.engine.StartTls;
import io.tlscheck.testing.Issued;
import io.tlscheck.testing.TestCertificates;
import io.tlscheck.testing.TestStartTlsServer;
import io.tlscheck.testing.TestTlsServer;

/**
 * Builds, for one example TlsCheck, the world it expects to find: TLS servers on 127.0.0.x
 * serving certificates for the names it checks, and the Secrets, ConfigMaps, Services,
 * EndpointSlices and Ingresses it refers to, filled with certificates made for the run. The
 * example itself changes as little as a user's copy would: its namespace, and for host targets
 * the address and port of the local server; a public host's trust in the system roots becomes
 * trust in the run's CA, since no public CA signs for a test.
 *
 * <p>EndpointSlices and Ingress addresses may not be loopback IPs, so they carry names that the
 * operator's JVM resolves through {@link #hostsFile()} (its {@code -Djdk.net.hosts.file}).
 */
final class ExampleWorld implements AutoCloseable {
    private final KubernetesClient admin;
    private final String namespace;
    private final Issued ca = TestCertificates.ca("tlscheck e2e Root").build();
    private final Issued clientCa = TestCertificates.ca("tlscheck e2e Client CA").build();
    private final List<AutoCloseable> servers = new ArrayList<>();
    private final Map<String, String> hosts = new LinkedHashMap<>();
    private final Path hostsFile;
    private int nextAddress = 20;

    ExampleWorld(KubernetesClient admin, String namespace) throws IOException {
        this.admin = admin;
        this.namespace = namespace;
        this.hostsFile = Files.createTempFile(Path.of("target"), "e2e-hosts-", "");
    }

    Issued ca() {
        return ca;
    }

    Path hostsFile() {
        return hostsFile;
    }

    /** The example, ready to apply in this world's namespace; what it refers to exists. */
    TlsCheck prepare(TlsCheck example) throws Exception {
        TlsCheck check = example;
        check.getMetadata().setNamespace(namespace);
        TlsCheckSpec spec = check.getSpec();
        trust(spec);
        if (spec.getHost() != null) {
            host(spec);
        } else if (spec.getService() != null) {
            service(check);
        } else if (spec.getIngress() != null) {
            ingress(spec.getIngress().getName());
        }
        Files.writeString(hostsFile, hosts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining("\n", "", "\n")));
        return check;
    }

    /** Serves {@code leaf} on 127.0.0.1, for checks the examples do not cover. */
    TestTlsServer serve(Issued leaf) {
        TestTlsServer server = TestTlsServer.serving(leaf).start();
        servers.add(server);
        return server;
    }

    private void trust(TlsCheckSpec spec) {
        Trust trust = spec.getTrust();
        if (trust == null || trust.getCaBundle() == null) {
            trust = trust == null ? new Trust() : trust;
            trust.setSystemRoots(false);
            CaBundle bundle = new CaBundle();
            KeyReference ref = new KeyReference();
            ref.setName("e2e-public-roots");
            ref.setKey("ca.crt");
            bundle.setConfigMapKeyRef(ref);
            trust.setCaBundle(bundle);
            spec.setTrust(trust);
        }
        String caPem = Pem.write(ca.certificate());
        CaBundle bundle = trust.getCaBundle();
        if (bundle.getConfigMapKeyRef() != null) {
            KeyReference ref = bundle.getConfigMapKeyRef();
            admin.configMaps().inNamespace(namespace).resource(new ConfigMapBuilder().withNewMetadata()
                    .withName(ref.getName()).endMetadata().withData(Map.of(ref.getKey(), caPem)).build()).serverSideApply();
        }
        if (bundle.getSecretKeyRef() != null) {
            KeyReference ref = bundle.getSecretKeyRef();
            admin.secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata()
                    .withName(ref.getName()).endMetadata().withData(Map.of(ref.getKey(), base64(caPem))).build())
                    .serverSideApply();
        }
    }

    private void host(TlsCheckSpec spec) throws Exception {
        String name = spec.getServerName() != null ? spec.getServerName() : spec.getHost();
        Issued leaf = TestCertificates.leaf(name).issuedBy(ca).build();
        int port;
        if (spec.getStarttls() != null) {
            TestStartTlsServer server = new TestStartTlsServer(StartTls.parse(spec.getStarttls()), leaf, false);
            servers.add(server);
            port = server.port();
        } else {
            TestTlsServer.Builder builder = TestTlsServer.serving(leaf);
            if (spec.getClientCertificate() != null) {
                clientCertificate(spec.getClientCertificate().getSecretName());
                builder.requireClientCertificate(clientCa.certificate());
            }
            TestTlsServer server = builder.start();
            servers.add(server);
            port = server.port();
        }
        if (spec.getServerName() == null) {
            spec.setServerName(spec.getHost());
        }
        spec.setHost("127.0.0.1");
        spec.setPort(port);
        matchSecret(spec, leaf);
    }

    /** Two ready replicas behind the Service, both serving the certificate of its Secret. */
    private void service(TlsCheck check) throws Exception {
        TlsCheckSpec spec = check.getSpec();
        String service = spec.getService().getName();
        String name = spec.getServerName() != null ? spec.getServerName() : service + "." + namespace + ".svc";
        Issued leaf = TestCertificates.leaf(name).issuedBy(ca).build();
        String portName = spec.getService().getPort() != null && !spec.getService().getPort().matches("\\d+")
                ? spec.getService().getPort() : "https";
        int servicePort = spec.getService().getPort() != null && spec.getService().getPort().matches("\\d+")
                ? Integer.parseInt(spec.getService().getPort()) : 443;
        int targetPort = freePort();
        var slice = new EndpointSliceBuilder().withNewMetadata().withName(service + "-e2e")
                .addToLabels("kubernetes.io/service-name", service).endMetadata()
                .withAddressType("FQDN")
                .addNewPort().withName(portName).withPort(targetPort).withProtocol("TCP").endPort();
        for (String replica : List.of("a", "b")) {
            String address = nextAddress();
            String fqdn = service + "-" + replica + "." + namespace + ".e2e.test";
            hosts.put(fqdn, address);
            servers.add(TestTlsServer.serving(leaf).bindTo(address, targetPort).start());
            slice.addNewEndpoint().withAddresses(fqdn).withNewConditions().withReady(true).endConditions()
                    .withNewTargetRef().withKind("Pod").withName(service + "-" + replica).endTargetRef().endEndpoint();
        }
        admin.services().inNamespace(namespace).resource(new ServiceBuilder().withNewMetadata().withName(service)
                .endMetadata().withNewSpec().addNewPort().withName(portName).withPort(servicePort).endPort().endSpec()
                .build()).serverSideApply();
        admin.discovery().v1().endpointSlices().inNamespace(namespace).resource(slice.build()).serverSideApply();
        matchSecret(spec, leaf);
    }

    /** An Ingress with one TLS host, its Secret, and a load balancer on 127.0.0.x:443. */
    private void ingress(String ingress) {
        String host = ingress + "." + namespace + ".example.test";
        String address = nextAddress();
        Issued leaf = TestCertificates.leaf(host).issuedBy(ca).build();
        servers.add(TestTlsServer.serving(leaf).bindTo(address, 443).start());
        String secret = ingress + "-tls";
        admin.secrets().inNamespace(namespace).resource(tlsSecret(secret, leaf, false)).serverSideApply();
        var resource = admin.network().v1().ingresses().inNamespace(namespace).resource(new IngressBuilder()
                .withNewMetadata().withName(ingress).endMetadata()
                .withNewSpec().addNewTl().withHosts(host).withSecretName(secret).endTl()
                .addNewRule().withHost(host).endRule().endSpec().build()).serverSideApply();
        resource.setStatus(new IngressStatusBuilder().withNewLoadBalancer().addNewIngress().withIp(address).endIngress()
                .endLoadBalancer().build());
        admin.network().v1().ingresses().inNamespace(namespace).resource(resource).updateStatus();
    }

    private void matchSecret(TlsCheckSpec spec, Issued leaf) {
        if (spec.getExpect() == null || spec.getExpect().getMatchSecret() == null) {
            return;
        }
        var match = spec.getExpect().getMatchSecret();
        String key = match.getKey() == null ? "tls.crt" : match.getKey();
        admin.secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata().withName(match.getName())
                .endMetadata().withType("tls.crt".equals(key) ? "kubernetes.io/tls" : "Opaque")
                .withData(Map.of(key, base64(Pem.write(leaf.certificate())), "tls.key", base64("not read by matchSecret")))
                .build()).serverSideApply();
    }

    private void clientCertificate(String secretName) {
        Issued client = TestCertificates.leaf("e2e-client").issuedBy(clientCa).build();
        admin.secrets().inNamespace(namespace).resource(tlsSecret(secretName, client, true)).serverSideApply();
    }

    private io.fabric8.kubernetes.api.model.Secret tlsSecret(String name, Issued issued, boolean withKey) {
        String key = withKey ? io.tlscheck.testing.PemFiles.text(issued.keyPair().getPrivate()) : "not read: only tls.crt is compared";
        return new SecretBuilder().withNewMetadata().withName(name).endMetadata().withType("kubernetes.io/tls")
                .withData(Map.of("tls.crt", base64(Pem.write(issued.certificate())), "tls.key", base64(key))).build();
    }

    private String nextAddress() {
        return "127.0.0." + nextAddress++;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable server : servers) {
            server.close();
        }
    }
}
