package io.tlscheck.testing.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.FieldValidateable;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What only a real API server does with a CustomResourceDefinition, on a small test CRD
 * ({@code src/test/resources/kube/gadgets.testing.tlscheck.io.yaml}): each test here fails
 * against a mock server, which stores whatever it is sent.
 */
@WithControlPlane
class CustomResourceIT {

    private static final String CRD = "gadgets.testing.tlscheck.io";
    private static final ResourceDefinitionContext GADGET = new ResourceDefinitionContext.Builder()
            .withGroup("testing.tlscheck.io").withVersion("v1alpha1").withKind("Gadget").withPlural("gadgets")
            .withNamespaced(true).build();

    private static ControlPlane plane;
    private static KubernetesClient client;
    private static String namespace;

    @BeforeAll
    static void applyTheCrd(ControlPlane controlPlane) throws Exception {
        plane = controlPlane;
        client = controlPlane.client();
        try (InputStream yaml = CustomResourceIT.class.getResourceAsStream("/kube/" + CRD + ".yaml")) {
            CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions().load(yaml).item();
            // Server-side apply: the plane may be a reused one where the CRD already exists.
            client.resource(crd).forceConflicts().serverSideApply();
        }
        client.apiextensions().v1().customResourceDefinitions().withName(CRD)
                .waitUntilCondition(crd -> condition(crd, "Established"), 30, TimeUnit.SECONDS);
        namespace = controlPlane.newNamespace("it-crd");
    }

    @Test
    void theCrdIsEstablishedAndItsResourceIsDiscoverable() {
        CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions().withName(CRD).get();
        assertThat(condition(crd, "NamesAccepted")).isTrue();
        assertThat(condition(crd, "Established")).isTrue();

        var served = client.getApiResources("testing.tlscheck.io/v1alpha1").getResources();
        assertThat(served).extracting(r -> r.getName()).contains("gadgets", "gadgets/status");
        assertThat(served).filteredOn(r -> r.getName().equals("gadgets"))
                .singleElement().satisfies(r -> assertThat(r.getShortNames()).containsExactly("gdg"));
    }

    @Test
    void createAppliesSchemaDefaultsPrunesUnknownFieldsAndIgnoresStatus() {
        GenericKubernetesResource sent = gadget("created", Map.of("host", "example.test", "bogus", "dropped"));
        sent.setAdditionalProperty("status", Map.of("verdict", "Healthy"));

        GenericKubernetesResource stored = gadgets().resource(sent).create();

        assertThat(spec(stored))
                .containsEntry("host", "example.test")
                .containsEntry("port", 443)
                .containsEntry("warningDays", 30)
                .containsEntry("criticalDays", 7)
                .doesNotContainKey("bogus");
        assertThat(stored.getAdditionalProperties()).doesNotContainKey("status");
        assertThat(stored.getMetadata().getGeneration()).isEqualTo(1L);
    }

    @Test
    void strictFieldValidationRejectsAnUnknownField() {
        var thrown = rejection(() -> gadgets().resource(gadget("strict", Map.of("host", "example.test", "bogus", "x")))
                        .fieldValidation(FieldValidateable.Validation.STRICT).create());

        assertThat(thrown.getCode()).isEqualTo(400);
        assertThat(thrown.getStatus().getMessage()).contains("unknown field \"spec.bogus\"");
    }

    @Test
    void statusIsWrittenOnlyThroughTheStatusSubresource() {
        gadgets().resource(gadget("status", Map.of("host", "example.test"))).create();
        Resource<GenericKubernetesResource> status = gadgets().withName("status");

        // An update of the main resource does not write status...
        GenericKubernetesResource updated = status.edit(g -> {
            g.setAdditionalProperty("status", Map.of("verdict", "Failing"));
            return g;
        });
        assertThat(updated.getAdditionalProperties()).doesNotContainKey("status");

        // ...and a write to /status does not change spec or generation.
        GenericKubernetesResource patched = status.subresource("status").patch(PatchContext.of(PatchType.JSON_MERGE),
                "{\"spec\":{\"port\":8443},\"status\":{\"verdict\":\"Healthy\",\"expiresIn\":\"12d\",\"observedGeneration\":1}}");
        assertThat(patched.<String>get("status", "verdict")).isEqualTo("Healthy");
        assertThat(patched.<Integer>get("spec", "port")).isEqualTo(443);
        assertThat(patched.getMetadata().getGeneration()).isEqualTo(1L);

        // A spec change bumps the generation and keeps the status.
        GenericKubernetesResource respecified = status.patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"port\":8443}}");
        assertThat(respecified.getMetadata().getGeneration()).isEqualTo(2L);
        assertThat(respecified.<String>get("status", "verdict")).isEqualTo("Healthy");
    }

    @Test
    void aSpecBreakingTheSchemaIsRejectedWithAReadableMessage() {
        var thrown = rejection(() -> gadgets().resource(gadget("bad-port", Map.of("host", "example.test", "port", 70000))).create());

        assertThat(thrown.getCode()).isEqualTo(422);
        assertThat(thrown.getStatus().getMessage())
                .contains("spec.port: Invalid value: 70000: spec.port in body should be less than or equal to 65535");
    }

    @Test
    void aStatusOutsideItsEnumIsRejectedWithAReadableMessage() {
        gadgets().resource(gadget("bad-verdict", Map.of("host", "example.test"))).create();

        var thrown = rejection(() -> gadgets().withName("bad-verdict").subresource("status")
                        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"status\":{\"verdict\":\"Great\"}}"));

        assertThat(thrown.getCode()).isEqualTo(422);
        assertThat(thrown.getStatus().getMessage()).contains("status.verdict: Unsupported value: \"Great\"")
                .contains("\"Healthy\", \"Warning\", \"Failing\", \"Unknown\"");
    }

    @Test
    void aSpecBreakingACelRuleIsRejectedWithTheRulesMessage() {
        var bothTargets = rejection(() -> gadgets().resource(gadget("both", Map.of("host", "example.test", "service", "web"))).create());
        assertThat(bothTargets.getCode()).isEqualTo(422);
        assertThat(bothTargets.getStatus().getMessage()).contains("Gadget.testing.tlscheck.io \"both\" is invalid: spec: Invalid value: exactly one of host or service must be set");

        // The rule sees the defaulted warningDays (30): CEL runs after defaulting.
        var windows = rejection(() -> gadgets().resource(gadget("windows", Map.of("host", "example.test", "criticalDays", 40))).create());
        assertThat(windows.getCode()).isEqualTo(422);
        assertThat(windows.getStatus().getMessage()).contains("criticalDays (40) must be less than warningDays (30)");
    }

    @Test
    void theTableApiReturnsThePrinterColumns() throws Exception {
        tabledGadget("tabled");
        String url = client.getMasterUrl() + "apis/testing.tlscheck.io/v1alpha1/namespaces/" + namespace + "/gadgets/tabled";
        HttpRequest request = client.getHttpClient().newHttpRequestBuilder().uri(url)
                .setHeader("Accept", "application/json;as=Table;g=meta.k8s.io;v=v1").build();

        HttpResponse<String> response = client.getHttpClient().sendAsync(request, String.class).get(30, TimeUnit.SECONDS);

        assertThat(response.code()).isEqualTo(200);
        JsonNode table = new ObjectMapper().readTree(response.body());
        assertThat(table.path("kind").asText()).isEqualTo("Table");
        List<String> names = new ArrayList<>();
        table.path("columnDefinitions").forEach(c -> names.add(c.path("name").asText()));
        assertThat(names).containsExactly("Name", "Target", "Port", "Verdict", "Expires In", "Message", "Age");
        assertThat(table.path("columnDefinitions").get(5).path("priority").asInt()).isEqualTo(1);
        JsonNode cells = table.path("rows").get(0).path("cells");
        assertThat(cells.get(0).asText()).isEqualTo("tabled");
        assertThat(cells.get(1).asText()).isEqualTo("example.test");
        assertThat(cells.get(2).asInt()).isEqualTo(443);
        assertThat(cells.get(3).asText()).isEqualTo("Warning");
        assertThat(cells.get(4).asText()).isEqualTo("12d");
        assertThat(cells.get(5).asText()).isEqualTo("expires in 12 days");
    }

    @Test
    void kubectlGetShowsThePrinterColumns() {
        tabledGadget("kubectl");

        ControlPlane.Result get = plane.kubectl("get", "gadgets", "kubectl", "--namespace", namespace);
        assertThat(get.exitCode()).as(get.output()).isZero();
        List<String> lines = get.output().lines().toList();
        assertThat(lines.get(0).split("\\s{2,}")).containsExactly("NAME", "TARGET", "PORT", "VERDICT", "EXPIRES IN", "AGE");
        assertThat(lines.get(1)).startsWith("kubectl").contains("example.test", "443", "Warning", "12d");

        ControlPlane.Result wide = plane.kubectl("get", "gdg", "kubectl", "--namespace", namespace, "--output", "wide");
        assertThat(wide.exitCode()).as(wide.output()).isZero();
        assertThat(wide.output().lines().toList().get(0)).contains("MESSAGE");
        assertThat(wide.output()).contains("expires in 12 days");
    }

    private static void tabledGadget(String name) {
        gadgets().resource(gadget(name, Map.of("host", "example.test"))).create();
        gadgets().withName(name).subresource("status").patch(PatchContext.of(PatchType.JSON_MERGE),
                "{\"status\":{\"verdict\":\"Warning\",\"expiresIn\":\"12d\",\"message\":\"expires in 12 days\"}}");
    }

    private static NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> gadgets() {
        return client.genericKubernetesResources(GADGET).inNamespace(namespace);
    }

    /** The error the API server answered with; fails when it accepted the request. */
    private static KubernetesClientException rejection(ThrowingCallable request) {
        KubernetesClientException thrown = catchThrowableOfType(KubernetesClientException.class, request);
        assertThat(thrown).as("the API server's answer (it accepted the request)").isNotNull();
        return thrown;
    }

    private static GenericKubernetesResource gadget(String name, Map<String, Object> spec) {
        return new GenericKubernetesResourceBuilder()
                .withApiVersion("testing.tlscheck.io/v1alpha1").withKind("Gadget")
                .withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
                .addToAdditionalProperties("spec", spec)
                .build();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(GenericKubernetesResource resource) {
        return (Map<String, Object>) resource.getAdditionalProperties().get("spec");
    }

    private static boolean condition(CustomResourceDefinition crd, String type) {
        if (crd == null || crd.getStatus() == null || crd.getStatus().getConditions() == null) {
            return false;
        }
        return crd.getStatus().getConditions().stream()
                .filter(c -> c.getType().equals(type))
                .map(CustomResourceDefinitionCondition::getStatus)
                .anyMatch("True"::equals);
    }
}
