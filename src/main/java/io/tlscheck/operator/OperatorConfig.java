package io.tlscheck.operator;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * What the cluster admin sets for the operator (application properties or environment, such
 * as {@code TLSCHECK_POLICY_DENY_CIDRS}). Which namespaces are watched is QOSDK's own
 * {@code quarkus.operator-sdk.namespaces}.
 */
@ConfigMapping(prefix = "tlscheck")
public interface OperatorConfig {
    /**
     * Probes that may run at once; each is bounded by its timeout, so this bounds the load.
     * Unset: 32 per core ({@link InFlightLimit}).
     */
    Optional<Integer> maxConcurrentChecks();

    /** Endpoints of a Service or hosts of an Ingress checked per TlsCheck, at most. */
    @WithDefault("20")
    int maxEndpoints();

    /**
     * How often a TlsCheck without {@code spec.interval} is checked, as a duration such as 5m
     * or 1h; at least 10s, like the interval a spec may set.
     */
    @WithDefault("5m")
    String defaultInterval();

    Policy policy();

    /** Where checks may connect. Deny wins over allow; an empty allow list allows everything. */
    interface Policy {
        /** CIDRs targets may be in. Empty: any address not denied. */
        Optional<List<String>> allowCidrs();

        /** CIDRs targets may never be in, on top of the built-in metadata ranges. */
        Optional<List<String>> denyCidrs();

        /** Host patterns ({@code *.example.com}) targets may use. Empty: any host not denied. */
        Optional<List<String>> allowHosts();

        /** Host patterns targets may never use, on top of the built-in metadata names. */
        Optional<List<String>> denyHosts();

        /**
         * Deny link-local addresses and cloud metadata endpoints (169.254.0.0/16, fe80::/10,
         * fd00:ec2::254, metadata.google.internal, ...). Turn off only knowingly.
         */
        @WithDefault("true")
        boolean denyMetadataEndpoints();
    }
}
