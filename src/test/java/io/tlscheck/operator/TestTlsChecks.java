package io.tlscheck.operator;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.tlscheck.api.v1alpha1.IngressTarget;
import io.tlscheck.api.v1alpha1.ServiceTarget;
import io.tlscheck.api.v1alpha1.TlsCheck;
import io.tlscheck.api.v1alpha1.TlsCheckSpec;

/** TlsCheck objects as the API server would hand them to the operator, in namespace {@value #NAMESPACE}. */
final class TestTlsChecks {
    static final String NAMESPACE = "shop";

    private TestTlsChecks() {
    }

    static TlsCheck of(TlsCheckSpec spec) {
        TlsCheck check = new TlsCheck();
        check.setMetadata(new ObjectMetaBuilder().withName("web-tls").withNamespace(NAMESPACE).withGeneration(3L).build());
        check.setSpec(spec);
        return check;
    }

    static TlsCheckSpec host(String host) {
        TlsCheckSpec spec = new TlsCheckSpec();
        spec.setHost(host);
        return spec;
    }

    static TlsCheckSpec service(String name, String port) {
        ServiceTarget target = new ServiceTarget();
        target.setName(name);
        target.setPort(port);
        TlsCheckSpec spec = new TlsCheckSpec();
        spec.setService(target);
        return spec;
    }

    static TlsCheckSpec ingress(String name) {
        IngressTarget target = new IngressTarget();
        target.setName(name);
        TlsCheckSpec spec = new TlsCheckSpec();
        spec.setIngress(target);
        return spec;
    }
}
