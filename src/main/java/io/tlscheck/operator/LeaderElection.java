package io.tlscheck.operator;

import java.util.Optional;
import java.util.function.Consumer;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.javaoperatorsdk.operator.api.config.ConfigurationServiceOverrider;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.quarkiverse.operatorsdk.runtime.api.ConfigurationServiceCustomizer;

/**
 * Leader election through a Lease, so two replicas can run and only one checks. On in a
 * cluster (the chart sets POD_NAMESPACE from the downward API); off when the operator runs
 * from a workstation against a kubeconfig, where there is no namespace of its own.
 */
@Singleton
public class LeaderElection implements ConfigurationServiceCustomizer {
    static final String LEASE = "tlscheck-operator";
    private static final Logger LOG = Logger.getLogger(LeaderElection.class);

    private final Optional<String> namespace;
    private final boolean enabled;

    public LeaderElection(@ConfigProperty(name = "tlscheck.leader-election.namespace") Optional<String> leaseNamespace,
                          @ConfigProperty(name = "POD_NAMESPACE") Optional<String> podNamespace,
                          @ConfigProperty(name = "tlscheck.leader-election.enabled", defaultValue = "true") boolean enabled) {
        this.namespace = leaseNamespace.or(() -> podNamespace);
        this.enabled = enabled;
    }

    @Override
    public Consumer<ConfigurationServiceOverrider> overrider() {
        return overrider -> {
            if (enabled && namespace.isPresent()) {
                LOG.infof("leader election on: Lease %s/%s", namespace.get(), LEASE);
                overrider.withLeaderElectionConfiguration(new LeaderElectionConfiguration(LEASE, namespace.get()));
            } else {
                LOG.info("leader election off (no POD_NAMESPACE or tlscheck.leader-election.namespace): "
                        + "run a single replica");
            }
        };
    }
}
