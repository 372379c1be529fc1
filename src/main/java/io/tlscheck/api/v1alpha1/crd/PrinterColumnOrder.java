package io.tlscheck.api.v1alpha1.crd;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.fabric8.crdv2.generator.CRDPostProcessor;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;

/**
 * Puts the CRD's printer columns in the order {@code kubectl get tlschecks} should show them.
 * The generator sorts columns by name; kubectl shows them in the CRD's order, and "Age" first
 * would read oddly. Runs at build time only (quarkus.operator-sdk.crd.post-processor).
 */
public final class PrinterColumnOrder implements CRDPostProcessor {
    static final List<String> ORDER = List.of("Target", "Ready", "Verdict", "Expires-In", "Protocol", "Age", "Reason",
            "Message");

    @Override
    public HasMetadata process(HasMetadata crd, String crdSpecVersion) {
        if (crd instanceof CustomResourceDefinition definition) {
            definition.getSpec().getVersions().forEach(version -> {
                if (version.getAdditionalPrinterColumns() != null) {
                    List<CustomResourceColumnDefinition> columns = new ArrayList<>(version.getAdditionalPrinterColumns());
                    columns.sort(Comparator.comparingInt(c -> rank(c.getName())));
                    version.setAdditionalPrinterColumns(columns);
                }
            });
        }
        return crd;
    }

    private static int rank(String name) {
        int index = ORDER.indexOf(name);
        return index < 0 ? ORDER.size() : index;
    }
}
