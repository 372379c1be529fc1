package io.tlscheck.operator;

import static io.tlscheck.operator.Aspect.HANDSHAKE;
import static io.tlscheck.operator.Aspect.HOSTNAME;
import static io.tlscheck.operator.Aspect.NOT_REVOKED;
import static io.tlscheck.operator.Aspect.POLICY;
import static io.tlscheck.operator.Aspect.SECRET_MATCHES;
import static io.tlscheck.operator.Aspect.TRUSTED;
import static io.tlscheck.operator.Aspect.VALID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.tlscheck.engine.FailureKind;
import io.tlscheck.engine.rules.Rules;

class AspectTest {
    /** Every finding the engine can produce: probe failures and rule findings. */
    private static Map<String, Aspect> actual() {
        return Stream.concat(Arrays.stream(FailureKind.values()).map(FailureKind::id),
                        Rules.all().stream().map(rule -> rule.info().id()))
                .collect(Collectors.toMap(id -> id, Aspect::of));
    }

    @Test
    void everyFindingIdBelongsToTheAspectItsConditionReports() {
        assertThat(actual()).containsOnly(
                entry("connect.dns", HANDSHAKE), entry("connect.refused", HANDSHAKE),
                entry("connect.unreachable", HANDSHAKE), entry("connect.timeout", HANDSHAKE),
                entry("connect.reset", HANDSHAKE), entry("target.not-allowed", HANDSHAKE),
                entry("starttls.failed", HANDSHAKE), entry("handshake.timeout", HANDSHAKE),
                entry("handshake.not-tls", HANDSHAKE), entry("handshake.alert", HANDSHAKE),
                entry("handshake.client-certificate", HANDSHAKE), entry("protocol.no-common", HANDSHAKE),
                entry("client.configuration", HANDSHAKE), entry("probe.error", HANDSHAKE),

                entry("chain.untrusted", TRUSTED), entry("chain.incomplete", TRUSTED),
                entry("chain.self-signed", TRUSTED), entry("chain.order", TRUSTED),
                entry("chain.extra-certificates", TRUSTED),

                entry("hostname.mismatch", HOSTNAME), entry("hostname.no-san", HOSTNAME),
                entry("names.missing", HOSTNAME),

                entry("validity.expired", VALID), entry("validity.not-yet-valid", VALID),
                entry("validity.expiring-critical", VALID), entry("validity.expiring", VALID),

                entry("key.rsa-too-small", POLICY), entry("key.ec-too-small", POLICY),
                entry("signature.weak-algorithm", POLICY), entry("protocol.legacy", POLICY),
                entry("protocol.below-minimum", POLICY), entry("cipher.not-recommended", POLICY),
                entry("eku.server-auth-missing", POLICY), entry("eku.absent", POLICY),
                entry("basic-constraints.not-ca", POLICY), entry("basic-constraints.leaf-is-ca", POLICY),
                entry("ocsp.staple-missing", POLICY), entry("pin.mismatch", POLICY),
                entry("issuer.unexpected", POLICY),

                entry("revocation.revoked", NOT_REVOKED), entry("revocation.unknown", NOT_REVOKED),

                entry("secret.stale", SECRET_MATCHES), entry("secret.unavailable", SECRET_MATCHES));
    }

    @Test
    void theLongestPrefixWinsAndUnknownIdsCountAsPolicy() {
        assertThat(Aspect.of("protocol.no-common")).isEqualTo(HANDSHAKE);
        assertThat(Aspect.of("protocol.legacy")).isEqualTo(POLICY);
        assertThat(Aspect.of("something.new")).isEqualTo(POLICY);
    }
}
