package io.tlscheck.operator;

import static io.tlscheck.operator.TestTlsChecks.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.tlscheck.api.v1alpha1.CaBundle;
import io.tlscheck.api.v1alpha1.Expect;
import io.tlscheck.api.v1alpha1.KeyReference;
import io.tlscheck.api.v1alpha1.SecretMatch;
import io.tlscheck.api.v1alpha1.TlsCheck;
import io.tlscheck.api.v1alpha1.TlsCheckSpec;
import io.tlscheck.api.v1alpha1.Trust;
import io.tlscheck.engine.Endpoint;
import io.tlscheck.engine.ExpectedLeaf;
import io.tlscheck.engine.Pem;
import io.tlscheck.testing.Issued;
import io.tlscheck.testing.TestCertificates;

class PlanBuilderTest {
    private static final Issued CA = TestCertificates.ca("Shop CA").ec(256).build();
    private static final Issued OTHER_CA = TestCertificates.ca("Partner CA").ec(256).build();
    private static final Issued OLD = TestCertificates.leaf("www.shop.example").ec(256).issuedBy(CA).build();
    private static final Issued NEW = TestCertificates.leaf("www.shop.example").ec(256).issuedBy(CA).build();
    /** An Ingress's TLS host: its certificate should be the one in Secret shop/web-tls. */
    private static final Resolution INGRESS = Resolution.resolved("ingress/shop", List.of(
            new PlannedEndpoint(new Endpoint("203.0.113.7", 443, "www.shop.example"), null, "shop/web-tls")), null);

    private final MapClusterView cluster = new MapClusterView();
    private final PlanBuilder planner = new PlanBuilder(new ReferenceResolver(cluster), Duration.ofMinutes(5));

    @Test
    void theSameInputsGiveTheSameFingerprint() throws Exception {
        cluster.add(tlsSecret("web-tls", OLD));
        TlsCheck check = TestTlsChecks.of(TestTlsChecks.ingress("shop"));

        CheckPlan first = planner.plan(check, INGRESS);

        assertThat(planner.plan(TestTlsChecks.of(TestTlsChecks.ingress("shop")), INGRESS).fingerprint())
                .isEqualTo(first.fingerprint());
        assertThat(first.interval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(first.checks()).singleElement().satisfies(c -> assertThat(c.request().expect().expectedLeaf())
                .isEqualTo(ExpectedLeaf.of("Secret shop/web-tls", OLD.certificate())));
    }

    @Test
    void aRenewedSecretCertificateChangesTheFingerprint() throws Exception {
        TlsCheck check = TestTlsChecks.of(TestTlsChecks.ingress("shop"));
        cluster.add(tlsSecret("web-tls", OLD));
        String before = planner.plan(check, INGRESS).fingerprint();

        cluster.add(tlsSecret("web-tls", NEW));
        CheckPlan after = planner.plan(check, INGRESS);

        assertThat(after.fingerprint()).isNotEqualTo(before);
        assertThat(after.checks().get(0).request().expect().expectedLeaf().certificate()).isEqualTo(NEW.certificate());
    }

    @Test
    void aChangedCaBundleOrSpecChangesTheFingerprint() throws Exception {
        TlsCheckSpec spec = TestTlsChecks.host("shop.example");
        spec.setTrust(trustConfigMap("corp-ca"));
        TlsCheck check = TestTlsChecks.of(spec);
        Resolution host = Resolution.resolved("shop.example:443",
                List.of(new PlannedEndpoint(new Endpoint("shop.example", 443, "shop.example"), null, null)), null);
        cluster.add(caConfigMap("corp-ca", CA));
        String before = planner.plan(check, host).fingerprint();

        cluster.add(caConfigMap("corp-ca", OTHER_CA));
        String newBundle = planner.plan(check, host).fingerprint();
        spec.setInterval("1m");
        CheckPlan newInterval = planner.plan(check, host);

        assertThat(List.of(before, newBundle, newInterval.fingerprint())).doesNotHaveDuplicates();
        assertThat(newInterval.interval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(newInterval.checks().get(0).request().trust().all()).contains(OTHER_CA.certificate());
    }

    @Test
    void aSpecWithoutIntervalTakesTheOperatorsDefaultButNeverLessThanTwiceItsTimeout() throws Exception {
        Resolution host = Resolution.resolved("shop.example:443",
                List.of(new PlannedEndpoint(new Endpoint("shop.example", 443, "shop.example"), null, null)), null);
        PlanBuilder hourly = new PlanBuilder(new ReferenceResolver(cluster), Duration.ofHours(1));
        PlanBuilder eager = new PlanBuilder(new ReferenceResolver(cluster), Duration.ofSeconds(15));
        TlsCheckSpec spec = TestTlsChecks.host("shop.example");
        spec.setTimeout("20s");

        assertThat(hourly.plan(TestTlsChecks.of(spec), host).interval()).isEqualTo(Duration.ofHours(1));
        assertThat(eager.plan(TestTlsChecks.of(spec), host).interval()).isEqualTo(Duration.ofSeconds(40));
        spec.setInterval("2m");
        assertThat(hourly.plan(TestTlsChecks.of(spec), host).interval()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void matchSecretIsComparedOnEveryEndpoint() throws Exception {
        cluster.add(tlsSecret("web-tls", OLD), tlsSecret("pinned", NEW));
        TlsCheckSpec spec = TestTlsChecks.ingress("shop");
        SecretMatch match = new SecretMatch();
        match.setName("pinned");
        Expect expect = new Expect();
        expect.setMatchSecret(match);
        spec.setExpect(expect);
        TlsCheck check = TestTlsChecks.of(spec);

        CheckPlan plan = planner.plan(check, INGRESS);

        assertThat(plan.checks().get(0).request().expect().expectedLeaf().certificate()).isEqualTo(NEW.certificate());
        assertThat(PlanBuilder.comparesSecret(check, INGRESS)).isTrue();
        assertThat(PlanBuilder.comparesSecret(TestTlsChecks.of(TestTlsChecks.host("shop.example")),
                Resolution.resolved("shop.example:443", List.of(), null))).isFalse();
    }

    private static io.fabric8.kubernetes.api.model.Secret tlsSecret(String name, Issued leaf) {
        return new SecretBuilder().withNewMetadata().withName(name).withNamespace(NAMESPACE).endMetadata()
                .withType("kubernetes.io/tls")
                .addToData("tls.crt", Base64.getEncoder().encodeToString(
                        Pem.write(leaf.certificate()).getBytes(StandardCharsets.US_ASCII)))
                .build();
    }

    private static io.fabric8.kubernetes.api.model.ConfigMap caConfigMap(String name, Issued ca) {
        return new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace(NAMESPACE).endMetadata()
                .addToData("ca.crt", Pem.write(ca.certificate())).build();
    }

    private static Trust trustConfigMap(String name) {
        KeyReference ref = new KeyReference();
        ref.setName(name);
        ref.setKey("ca.crt");
        CaBundle bundle = new CaBundle();
        bundle.setConfigMapKeyRef(ref);
        Trust trust = new Trust();
        trust.setCaBundle(bundle);
        return trust;
    }
}
