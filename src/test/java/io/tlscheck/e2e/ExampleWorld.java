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

import org.bouncycastle.asn1.x509.KeyPurposeId;

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
import io.tlscheck.testing.PemFiles;
import io.tlscheck.testing.TestCertificates;
import io.tlscheck.testing.TestStartTlsServer;
import io.tlscheck.testing.TestTlsServer;
import io.tlscheck.testing.TestTrust;

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
    /** Every CA of the run: the trust bundles carry them all. */
    private final List<Issued> cas = new ArrayList<>(List.of(ca));
    /** Secret contents so far: examples may share a Secret (a CA bundle and a certificate in one). */
    private final Map<String, Map<String, String>> secrets = new LinkedHashMap<>();
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
        if (spec.getHost() != null) {
            host(spec);
        } else if (spec.getService() != null) {
            service(check);
        } else if (spec.getIngress() != null) {
            ingress(spec);
        }
        // Last: the target may have added a CA (an expected issuer) that the bundle must carry.
        trust(spec);
        Files.writeString(hostsFile, hosts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining("\n", "", "\n")));
        return check;
    }

    /**
     * A check the test built itself, against a server it started with {@link #serve}: only
     * placed in the namespace and given the run's trust, its target left as it is.
     */
    TlsCheck trusting(TlsCheck check) {
        check.getMetadata().setNamespace(namespace);
        trust(check.getSpec());
        return check;
    }

    /** Serves {@code leaf} on 127.0.0.1, for checks the examples do not cover. */
    TestTlsServer serve(Issued leaf) {
        TestTlsServer server = TestTlsServer.serving(leaf).start();
        servers.add(server);
        return server;
    }

    private void trust(TlsCheckSpec spec) {
        if (spec.getTrust() == null || spec.getTrust().getCaBundle() == null) {
            spec.setTrust(TestTrust.onlyConfigMap("e2e-public-roots", "ca.crt"));
        }
        Trust trust = spec.getTrust();
        String caPem = cas.stream().map(c -> Pem.write(c.certificate())).collect(Collectors.joining());
        CaBundle bundle = trust.getCaBundle();
        if (bundle.getConfigMapKeyRef() != null) {
            KeyReference ref = bundle.getConfigMapKeyRef();
            admin.configMaps().inNamespace(namespace).resource(new ConfigMapBuilder().withNewMetadata()
                    .withName(ref.getName()).endMetadata().withData(Map.of(ref.getKey(), caPem)).build()).serverSideApply();
        }
        if (bundle.getSecretKeyRef() != null) {
            KeyReference ref = bundle.getSecretKeyRef();
            secret(ref.getName(), Map.of(ref.getKey(), caPem));
        }
    }

    /**
     * The CA to sign an example's certificate: the run's root, or, when the example expects an
     * issuer (such as {@code O=Let's Encrypt}), a CA of the run with that in its name.
     */
    private Issued issuerFor(TlsCheckSpec spec) {
        if (spec.getExpect() == null || spec.getExpect().getIssuers() == null || spec.getExpect().getIssuers().isEmpty()) {
            return ca;
        }
        Issued named = TestCertificates.withSubject("CN=tlscheck e2e Issuer," + spec.getExpect().getIssuers().get(0))
                .isCa(true).noExtendedKeyUsage().validFor(java.time.Instant.now().minusSeconds(3600),
                        java.time.Instant.now().plus(java.time.Duration.ofDays(3650))).build();
        cas.add(named);
        return named;
    }

    private void host(TlsCheckSpec spec) throws Exception {
        String name = spec.getServerName() != null ? spec.getServerName() : spec.getHost();
        Issued leaf = TestCertificates.leaf(name).issuedBy(issuerFor(spec)).build();
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

    /**
     * Two ready replicas behind the Service, both serving the certificate of its Secret; a
     * STARTTLS service gets one (the test server of that dialogue listens on 127.0.0.1 only).
     */
    private void service(TlsCheck check) throws Exception {
        TlsCheckSpec spec = check.getSpec();
        String service = spec.getService().getName();
        String name = spec.getServerName() != null ? spec.getServerName() : service + "." + namespace + ".svc";
        Issued leaf = TestCertificates.leaf(name).issuedBy(issuerFor(spec)).build();
        String wanted = spec.getService().getPort();
        boolean byNumber = wanted != null && wanted.matches("\\d+");
        String portName = wanted != null && !byNumber ? wanted : "https";
        int servicePort = byNumber ? Integer.parseInt(wanted) : 443;
        Map<String, String> replicas = new LinkedHashMap<>();
        int targetPort;
        if (spec.getStarttls() != null) {
            TestStartTlsServer server = new TestStartTlsServer(StartTls.parse(spec.getStarttls()), leaf, false);
            servers.add(server);
            targetPort = server.port();
            replicas.put(service + "-a", "127.0.0.1");
        } else {
            targetPort = freePort();
            for (String replica : List.of("a", "b")) {
                String address = nextAddress();
                servers.add(TestTlsServer.serving(leaf).bindTo(address, targetPort).start());
                replicas.put(service + "-" + replica, address);
            }
        }
        var slice = new EndpointSliceBuilder().withNewMetadata().withName(service + "-e2e")
                .addToLabels("kubernetes.io/service-name", service).endMetadata()
                .withAddressType("FQDN")
                .addNewPort().withName(portName).withPort(targetPort).withProtocol("TCP").endPort();
        replicas.forEach((pod, address) -> {
            String fqdn = pod + "." + namespace + ".e2e.test";
            hosts.put(fqdn, address);
            slice.addNewEndpoint().withAddresses(fqdn).withNewConditions().withReady(true).endConditions()
                    .withNewTargetRef().withKind("Pod").withName(pod).endTargetRef().endEndpoint();
        });
        admin.services().inNamespace(namespace).resource(new ServiceBuilder().withNewMetadata().withName(service)
                .endMetadata().withNewSpec().addNewPort().withName(portName).withPort(servicePort).endPort().endSpec()
                .build()).serverSideApply();
        admin.discovery().v1().endpointSlices().inNamespace(namespace).resource(slice.build()).serverSideApply();
        matchSecret(spec, leaf);
    }

    /** An Ingress with one TLS host, its Secret, and a load balancer on 127.0.0.x:443. */
    private void ingress(TlsCheckSpec spec) {
        String ingress = spec.getIngress().getName();
        String host = ingress + "." + namespace + ".example.test";
        String address = nextAddress();
        Issued leaf = TestCertificates.leaf(host).issuedBy(issuerFor(spec)).build();
        servers.add(TestTlsServer.serving(leaf).bindTo(address, 443).start());
        String secret = ingress + "-tls";
        tlsSecret(secret, leaf, false);
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
        secret(match.getName(), Map.of(key, Pem.write(leaf.certificate()), "tls.key", "not read by matchSecret"));
    }

    private void clientCertificate(String secretName) {
        // clientAuth: the JDK's server rejects a client certificate whose EKU lacks it.
        Issued client = TestCertificates.leaf("e2e-client").issuedBy(clientCa)
                .extendedKeyUsage(KeyPurposeId.id_kp_clientAuth).build();
        tlsSecret(secretName, client, true);
    }

    private void tlsSecret(String name, Issued issued, boolean withKey) {
        String key = withKey ? PemFiles.text(issued.keyPair().getPrivate()) : "not read: only tls.crt is compared";
        secret(name, Map.of("tls.crt", Pem.write(issued.certificate()), "tls.key", key));
    }

    /** Adds entries to a Secret of the run; one with tls.crt and tls.key is a kubernetes.io/tls Secret. */
    private void secret(String name, Map<String, String> entries) {
        Map<String, String> data = secrets.computeIfAbsent(name, n -> new LinkedHashMap<>());
        data.putAll(entries);
        boolean tls = data.containsKey("tls.crt") && data.containsKey("tls.key");
        var secret = admin.secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata().withName(name)
                .endMetadata().withType(tls ? "kubernetes.io/tls" : "Opaque")
                .withData(data.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> base64(e.getValue()))))
                .build());
        // A Secret's type cannot change in place (Opaque with a CA first, kubernetes.io/tls once
        // a certificate and key join it): replace it. Nothing holds a finalizer on it here.
        secret.delete();
        secret.create();
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
