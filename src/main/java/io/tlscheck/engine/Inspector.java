package io.tlscheck.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.tlscheck.engine.chain.ChainBuilder;
import io.tlscheck.engine.chain.ChainPath;
import io.tlscheck.engine.enumerate.EnumerationResult;
import io.tlscheck.engine.enumerate.ProtocolEnumerator;
import io.tlscheck.engine.revocation.RevocationChecker;
import io.tlscheck.engine.revocation.RevocationResult;
import io.tlscheck.engine.rules.CheckContext;
import io.tlscheck.engine.rules.Rule;
import io.tlscheck.engine.rules.Rules;

/**
 * The engine's front door: probe, build the path, ask about revocation if wanted, run every
 * rule, judge. Used alike by the CLI, the sidecar and the operator. Thread-safe.
 */
public final class Inspector {
    private final Prober prober;
    private final ProtocolEnumerator enumerator;
    private final RevocationChecker revocation;
    private final List<Rule> rules;
    private final Clock clock;

    public Inspector(Prober prober, ProtocolEnumerator enumerator, RevocationChecker revocation, List<Rule> rules,
                     Clock clock) {
        this.prober = prober;
        this.enumerator = enumerator;
        this.revocation = revocation;
        this.rules = List.copyOf(rules);
        this.clock = clock;
    }

    public static Inspector withDefaults(RevocationChecker revocation) {
        return withPolicy(AddressPolicy.ALLOW_ALL, revocation);
    }

    /** Every rule, the system clock, and the given limit on where probes may connect. */
    public static Inspector withPolicy(AddressPolicy policy, RevocationChecker revocation) {
        Prober prober = new Prober(Clock.systemUTC(), policy);
        return new Inspector(prober, new ProtocolEnumerator(prober), revocation, Rules.all(), Clock.systemUTC());
    }

    public Report inspect(CheckRequest request) {
        Deadline deadline = Deadline.after(request.probe().timeout());
        Observation seen = prober.probe(request.endpoint(), request.probe());
        EnumerationResult enumeration = request.enumerate()
                ? enumerator.enumerate(request.endpoint(), request.probe(), request.enumerationBudget())
                : null;
        ChainPath path = new ChainBuilder(request.trust()).build(seen.servedChain());
        Instant now = clock.instant();
        if (!seen.succeeded()) {
            Finding failure = seen.failure().asFinding();
            return new Report(seen, path, List.of(failure), seen.failure().kind().verdict(), failure.reason(),
                    failure.message(), enumeration, List.of());
        }
        List<RevocationResult> revoked = request.expect().revocation() == RevocationMode.NONE
                ? List.of()
                : revocation.check(path, seen.stapledOcspResponses(), request.expect().revocation(), deadline);
        CheckContext context = new CheckContext(seen, request.expect(), path, revoked, enumeration, now);
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules) {
            rule.evaluate(context).ifPresent(findings::add);
        }
        List<Finding> sorted = Judge.sorted(findings);
        return new Report(seen, path, sorted, Judge.verdict(sorted), Judge.reason(sorted),
                Judge.message(sorted, seen, now), enumeration, revoked);
    }
}
