package io.tlscheck.operator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.informer.FieldSelector;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.IndexerResourceCache;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.TransformingItemStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.tlscheck.api.v1alpha1.SpecError;
import io.tlscheck.api.v1alpha1.SpecValidator;
import io.tlscheck.api.v1alpha1.TlsCheck;
import io.tlscheck.api.v1alpha1.TlsCheckStatus;
import io.tlscheck.engine.Durations;
import io.tlscheck.engine.Inspector;
import io.tlscheck.engine.RevocationMode;
import io.tlscheck.engine.revocation.HttpRevocationChecker;
import io.tlscheck.metrics.CheckKey;
import io.tlscheck.metrics.CheckMetrics;
import io.tlscheck.plan.SpecTranslator;

/**
 * Reconciles TlsChecks: reads the spec and what it refers to, hands the resulting plan to the
 * {@link CheckScheduler} (which probes off these threads), and writes the status when the
 * latest result says something new. A reconcile never waits for the network.
 */
@ControllerConfiguration(name = TlsCheckReconciler.NAME, triggerReconcilerOnAllEvents = true)
public class TlsCheckReconciler implements Reconciler<TlsCheck>, CheckScheduler.Listener {
    static final String NAME = "tlscheck";
    private static final Logger LOG = Logger.getLogger(TlsCheckReconciler.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Index of the primary cache: which TlsChecks refer to a given object ({@code Kind/namespace/name}). */
    private static final String REFERENCES = "references";
    private static final String HELM_RELEASE_SECRET = "helm.sh/release.v1";

    private final SimpleInboundEventSource<TlsCheck> results = new SimpleInboundEventSource<>("check-results");
    private final OperatorConfig config;
    private final KubernetesClient client;
    private final CheckMetrics metrics;
    private final CheckScheduler scheduler;
    private final TargetPolicy policy;
    private final EventRecorder events;
    private final Duration defaultInterval;
    private final Clock clock = Clock.systemUTC();
    private volatile IndexerResourceCache<TlsCheck> primaryCache;
    private volatile TargetResolver resolver;
    private volatile PlanBuilder planner;

    @Inject
    public TlsCheckReconciler(OperatorConfig config, KubernetesClient client, MeterRegistry registry,
                              @ConfigProperty(name = "HOSTNAME", defaultValue = "tlscheck-operator") String instance) {
        this.config = config;
        this.client = client;
        this.metrics = new CheckMetrics(registry);
        this.policy = TargetPolicy.from(config.policy());
        Inspector inspector = Inspector.withPolicy(policy, new HttpRevocationChecker());
        this.scheduler = new CheckScheduler(inspector,
                InFlightLimit.of(config.maxConcurrentChecks(), Runtime.getRuntime().availableProcessors()), this, clock);
        this.events = new EventRecorder(client, instance);
        this.defaultInterval = defaultInterval(config.defaultInterval());
    }

    /** Bad operator configuration stops the start with a message naming the setting. */
    private static Duration defaultInterval(String configured) {
        Duration interval;
        try {
            interval = Durations.parse(configured);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("tlscheck.default-interval (TLSCHECK_DEFAULT_INTERVAL): "
                    + "expected a duration such as 5m or 1h, got '" + configured + "'");
        }
        if (interval.compareTo(SpecValidator.MIN_INTERVAL) < 0) {
            throw new IllegalArgumentException("tlscheck.default-interval (TLSCHECK_DEFAULT_INTERVAL): must be at least "
                    + Durations.format(SpecValidator.MIN_INTERVAL) + ", got '" + configured + "'");
        }
        return interval;
    }

    @Override
    public List<EventSource<?, TlsCheck>> prepareEventSources(EventSourceContext<TlsCheck> context) {
        primaryCache = context.getPrimaryCache();
        primaryCache.addIndexers(java.util.Map.of(REFERENCES, References::of));
        var services = informer(context, Service.class, null, null);
        var slices = new InformerEventSource<>(InformerEventSourceConfiguration.from(EndpointSlice.class, TlsCheck.class)
                .withName("endpointslices")
                .withSecondaryToPrimaryMapper(slice -> referrers("Service", slice.getMetadata().getNamespace(),
                        serviceNameOf(slice)))
                .build(), context);
        var ingresses = informer(context, Ingress.class, null, null);
        var secrets = informer(context, Secret.class, new TransformingItemStore<>(SecretPruning::prune),
                new FieldSelector(new FieldSelector.Field("type", HELM_RELEASE_SECRET, true)));
        var configMaps = informer(context, ConfigMap.class, null, null);
        ClusterView view = new InformerClusterView(services, slices, ingresses, secrets, configMaps, client);
        resolver = new TargetResolver(view, policy, config.maxEndpoints());
        planner = new PlanBuilder(new ReferenceResolver(view), defaultInterval);
        return List.of(services, slices, ingresses, secrets, configMaps, results);
    }

    private <R extends HasMetadata> InformerEventSource<R, TlsCheck> informer(EventSourceContext<TlsCheck> context,
            Class<R> type, TransformingItemStore<R> store, FieldSelector fields) {
        String kind = HasMetadata.getKind(type);
        var builder = InformerEventSourceConfiguration.from(type, TlsCheck.class)
                .withName(kind.toLowerCase(java.util.Locale.ROOT) + "s")
                .withSecondaryToPrimaryMapper(r -> referrers(kind, r.getMetadata().getNamespace(), r.getMetadata().getName()));
        if (store != null) {
            builder.withItemStore(store);
        }
        if (fields != null) {
            builder.withFieldSelector(fields);
        }
        return new InformerEventSource<>(builder.build(), context);
    }

    private java.util.Set<ResourceID> referrers(String kind, String namespace, String name) {
        if (name == null || primaryCache == null) {
            return java.util.Set.of();
        }
        return primaryCache.byIndex(REFERENCES, References.key(kind, namespace, name)).stream()
                .map(ResourceID::fromResource).collect(Collectors.toSet());
    }

    private static String serviceNameOf(EndpointSlice slice) {
        return slice.getMetadata().getLabels() == null ? null
                : slice.getMetadata().getLabels().get(InformerClusterView.SERVICE_NAME_LABEL);
    }

    @Override
    public UpdateControl<TlsCheck> reconcile(TlsCheck check, Context<TlsCheck> context) {
        ResourceID id = ResourceID.fromResource(check);
        if (context.isPrimaryResourceDeleted()) {
            gone(id);
            return UpdateControl.noUpdate();
        }
        StatusBuilder build = new StatusBuilder(check, clock.instant(), config.maxEndpoints());
        List<SpecError> errors = SpecValidator.validate(check);
        if (!errors.isEmpty()) {
            forget(id);
            String message = errors.stream().map(SpecError::toString).collect(Collectors.joining("; "));
            return write(check, build.unresolved(Resolution.unresolved("", "InvalidSpec", message)));
        }
        Resolution resolution = resolver.resolve(check);
        if (Boolean.TRUE.equals(check.getSpec().getSuspend())) {
            forget(id);
            return write(check, build.suspended(resolution.target()));
        }
        if (!resolution.ok()) {
            forget(id);
            return write(check, build.unresolved(resolution));
        }
        CheckPlan plan;
        try {
            plan = planner.plan(check, resolution);
        } catch (ReferenceResolver.Problem problem) {
            forget(id);
            return write(check, build.unresolved(Resolution.unresolved(resolution.target(), problem.reason(),
                    problem.getMessage())));
        }
        Optional<CheckRun> latest = scheduler.update(id, plan, urgency(check));
        if (latest.isEmpty()) {
            // The check is running. Until it reports, observedGeneration stays behind the
            // generation, which is how kstatus readers (kubectl wait, Flux, Argo CD) know the new
            // spec is still in progress; writing a "Checking" status would double the writes.
            return UpdateControl.noUpdate();
        }
        boolean revocation = SpecTranslator.expectations(check.getSpec().getExpect()).revocation() != RevocationMode.NONE;
        return write(check, build.of(resolution.target(), latest.get(), resolution.message(), revocation,
                PlanBuilder.comparesSecret(check, resolution)));
    }

    /** Checked before under this generation: after a restart, spread the first checks out. */
    private static CheckScheduler.Urgency urgency(TlsCheck check) {
        return current(check) && check.getStatus().getVerdict() != null
                ? CheckScheduler.Urgency.SPREAD : CheckScheduler.Urgency.NOW;
    }

    private static boolean current(TlsCheck check) {
        TlsCheckStatus status = check.getStatus();
        return status != null && status.getObservedGeneration() != null
                && status.getObservedGeneration().equals(check.getMetadata().getGeneration());
    }

    /** Patches the status only when it differs from what is stored, and emits transition Events. */
    private UpdateControl<TlsCheck> write(TlsCheck check, TlsCheckStatus status) {
        TlsCheckStatus before = check.getStatus();
        if (before != null && JSON.valueToTree(before).equals(JSON.valueToTree(status))) {
            return UpdateControl.noUpdate();
        }
        for (TransitionEvents.Event event : TransitionEvents.between(before, status)) {
            events.record(check, event);
        }
        check.setStatus(status);
        return UpdateControl.patchStatus(check);
    }

    private void forget(ResourceID id) {
        scheduler.forget(id);
        metrics.remove(key(id));
    }

    @Override
    public boolean exists(ResourceID id) {
        return primaryCache == null || primaryCache.get(id).isPresent();
    }

    @Override
    public void finished(ResourceID id, CheckRun run) {
        metrics.record(key(id), run.results().stream().map(EndpointResult::report).toList(), run.elapsed());
        results.propagateEvent(id);
    }

    @Override
    public void gone(ResourceID id) {
        LOG.debugf("TlsCheck %s is gone; its schedule and metrics are dropped", id);
        forget(id);
    }

    private static CheckKey key(ResourceID id) {
        return new CheckKey(id.getNamespace().orElse(""), id.getName());
    }

    @PreDestroy
    void stop() {
        scheduler.close();
    }

    /** The objects a TlsCheck refers to, as index keys of the primary cache. */
    static final class References {
        private References() {
        }

        static String key(String kind, String namespace, String name) {
            return kind + "/" + namespace + "/" + name;
        }

        static List<String> of(TlsCheck check) {
            List<String> keys = new ArrayList<>();
            String ns = check.getMetadata().getNamespace();
            var spec = check.getSpec();
            if (spec == null) {
                return keys;
            }
            if (spec.getService() != null) {
                keys.add(key("Service", ns, spec.getService().getName()));
            }
            if (spec.getIngress() != null) {
                keys.add(key("Ingress", ns, spec.getIngress().getName()));
            }
            if (spec.getClientCertificate() != null) {
                keys.add(key("Secret", ns, spec.getClientCertificate().getSecretName()));
            }
            if (spec.getTrust() != null && spec.getTrust().getCaBundle() != null) {
                var bundle = spec.getTrust().getCaBundle();
                if (bundle.getConfigMapKeyRef() != null) {
                    keys.add(key("ConfigMap", ns, bundle.getConfigMapKeyRef().getName()));
                }
                if (bundle.getSecretKeyRef() != null) {
                    keys.add(key("Secret", ns, bundle.getSecretKeyRef().getName()));
                }
            }
            if (spec.getExpect() != null && spec.getExpect().getMatchSecret() != null) {
                keys.add(key("Secret", ns, spec.getExpect().getMatchSecret().getName()));
            }
            return keys;
        }
    }
}
