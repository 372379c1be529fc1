package io.tlscheck.testing.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * RBAC is enforced and ServiceAccount tokens are issued and honoured, as the operator will
 * meet them in a cluster: a ServiceAccount bound to a Role that may only read ConfigMaps in
 * its namespace can do exactly that. A mock server would allow everything.
 */
@WithControlPlane
class ServiceAccountRbacIT {

    private static ControlPlane plane;
    private static String namespace;
    private static String elsewhere;
    private static String user;

    @BeforeAll
    static void aReaderServiceAccount(ControlPlane controlPlane) {
        plane = controlPlane;
        KubernetesClient admin = controlPlane.client();
        namespace = controlPlane.newNamespace("it-rbac");
        elsewhere = controlPlane.newNamespace("it-rbac-other");
        user = "system:serviceaccount:" + namespace + ":reader";

        admin.serviceAccounts().inNamespace(namespace)
                .resource(new ServiceAccountBuilder().withNewMetadata().withName("reader").endMetadata().build()).create();
        admin.rbac().roles().inNamespace(namespace).resource(new RoleBuilder()
                .withNewMetadata().withName("configmap-reader").endMetadata()
                .addNewRule().withApiGroups("").withResources("configmaps").withVerbs("get", "list", "watch").endRule()
                .build()).create();
        admin.rbac().roleBindings().inNamespace(namespace).resource(new RoleBindingBuilder()
                .withNewMetadata().withName("reader-reads-configmaps").endMetadata()
                .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("Role").withName("configmap-reader").endRoleRef()
                .addNewSubject().withKind("ServiceAccount").withName("reader").withNamespace(namespace).endSubject()
                .build()).create();
        for (String ns : new String[] {namespace, elsewhere}) {
            admin.configMaps().inNamespace(ns).resource(configMap("settings")).create();
        }
    }

    @Test
    void aTokenFromTheTokenRequestApiIsAllowedWhatItsRoleGrantsAndNothingElse() {
        String token = plane.client().serviceAccounts().inNamespace(namespace).withName("reader")
                .tokenRequest(new TokenRequestBuilder().withNewSpec().withExpirationSeconds(600L).endSpec().build())
                .getStatus().getToken();

        try (KubernetesClient reader = plane.clientWithToken(token)) {
            assertThat(reader.configMaps().inNamespace(namespace).list().getItems())
                    .extracting(cm -> cm.getMetadata().getName()).contains("settings");
            assertThat(reader.configMaps().inNamespace(namespace).withName("settings").get().getData())
                    .containsEntry("mode", "strict");

            assertForbidden(() -> reader.configMaps().inNamespace(namespace).resource(configMap("mine")).create(),
                    "cannot create resource \"configmaps\" in API group \"\" in the namespace \"" + namespace + "\"");
            assertForbidden(() -> reader.configMaps().inNamespace(namespace).withName("settings").delete(),
                    "cannot delete resource \"configmaps\"");
            assertForbidden(() -> reader.secrets().inNamespace(namespace).list(),
                    "cannot list resource \"secrets\" in API group \"\" in the namespace \"" + namespace + "\"");
            assertForbidden(() -> reader.configMaps().inNamespace(elsewhere).list(),
                    "cannot list resource \"configmaps\" in API group \"\" in the namespace \"" + elsewhere + "\"");
            assertForbidden(() -> reader.namespaces().list(),
                    "cannot list resource \"namespaces\" in API group \"\" at the cluster scope");
        }
    }

    @Test
    void kubectlCreateTokenIssuesAWorkingToken() {
        ControlPlane.Result created = plane.kubectl("create", "token", "reader", "--namespace", namespace, "--duration", "10m");
        assertThat(created.exitCode()).as(created.output()).isZero();

        try (KubernetesClient reader = plane.clientWithToken(created.output().strip())) {
            assertThat(reader.configMaps().inNamespace(namespace).withName("settings").get()).isNotNull();
            assertForbidden(() -> reader.configMaps().inNamespace(elsewhere).withName("settings").get(),
                    "cannot get resource \"configmaps\"");
        }
    }

    @Test
    void aForgedTokenIsUnauthenticated() {
        try (KubernetesClient stranger = plane.clientWithToken("not-a-token")) {
            KubernetesClientException thrown = catchThrowableOfType(KubernetesClientException.class,
                    () -> stranger.configMaps().inNamespace(namespace).list());
            assertThat(thrown).as("the API server's answer (it accepted the request)").isNotNull();
            assertThat(thrown.getCode()).isEqualTo(401);
        }
    }

    private static void assertForbidden(ThrowingCallable request, String why) {
        KubernetesClientException thrown = catchThrowableOfType(KubernetesClientException.class, request);
        assertThat(thrown).as("the API server's answer (it allowed the request)").isNotNull();
        assertThat(thrown.getCode()).as(thrown.getMessage()).isEqualTo(403);
        assertThat(thrown.getStatus().getMessage()).contains("User \"" + user + "\"", why);
    }

    private static ConfigMap configMap(String name) {
        return new ConfigMapBuilder().withNewMetadata().withName(name).endMetadata().addToData("mode", "strict").build();
    }
}
