package io.tlscheck.operator;

import java.util.Optional;
import java.util.function.Consumer;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
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
                overrider.withLeaderElectionConfiguration(new LeaderElectionConfiguration(LEASE, namespace.get(),
                        LeaderElectionConfiguration.LEASE_DURATION_DEFAULT_VALUE,
                        LeaderElectionConfiguration.RENEW_DEADLINE_DEFAULT_VALUE,
                        LeaderElectionConfiguration.RETRY_PERIOD_DEFAULT_VALUE, null,
                        new LeaderCallbacks(() -> { }, LeaderElection::exitAfterLosingTheLease, leader -> { }), false));
            } else {
                LOG.info("leader election off (no POD_NAMESPACE or tlscheck.leader-election.namespace): "
                        + "run a single replica");
            }
        };
    }

    /**
     * What happens when this replica stops leading. The SDK's own way (exitOnStopLeading) calls
     * System.exit on the thread that stops the operator; on SIGTERM, the pod's normal end, that
     * thread is Quarkus's shutdown hook, where System.exit never returns: the JVM hung until the
     * kubelet's SIGKILL. So the exit is asked for from a daemon thread: after a lost Lease it
     * starts an orderly shutdown (exit 1; the pod restarts and campaigns again), and during a
     * shutdown already under way it waits, harmlessly, for the JVM to end.
     */
    static void exitAfterLosingTheLease() {
        LOG.info("stopped leading: exiting");
        Thread.ofPlatform().daemon().name("leader-election-exit").start(() -> System.exit(1));
    }
}
