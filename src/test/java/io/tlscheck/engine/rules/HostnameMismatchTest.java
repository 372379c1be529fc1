package io.tlscheck.engine.rules;

import static io.tlscheck.engine.rules.Contexts.NAME;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.tlscheck.engine.Finding;
import io.tlscheck.testing.TestCertificates;

class HostnameMismatchTest {
    private final Rule rule = new HostnameMismatch();

    @Test
    void firesWhenNoSanCoversTheServerName() {
        Finding finding = Contexts.finding(rule, Contexts.trusted(Contexts.leaf("other.test").dns("www.other.test").build()));

        assertThat(finding.message())
                .isEqualTo("certificate for other.test does not cover valid.test (its names: other.test, www.other.test)");
    }

    @Test
    void silentWhenASanCoversTheServerName() {
        Contexts.silent(rule, Contexts.trusted(Contexts.leaf(NAME).build()));
    }

    @Test
    void aWildcardCoversExactlyOneLabel() {
        var wildcard = Contexts.leaf("*.valid.test").build();

        Contexts.silent(rule, Contexts.trusted(wildcard).serverName("www.valid.test"));
        Contexts.finding(rule, Contexts.trusted(wildcard).serverName("a.www.valid.test"));
        Contexts.finding(rule, Contexts.trusted(wildcard).serverName(NAME));
    }

    @Test
    void anIpLiteralIsMatchedAgainstIpSansOnly() {
        var byAddress = Contexts.leaf(NAME).ip("127.0.0.1").build();
        var byName = Contexts.leaf("127.0.0.1").build();

        Contexts.silent(rule, Contexts.trusted(byAddress).serverName(null));
        Contexts.finding(rule, Contexts.trusted(byName).serverName(null));
    }

    @Test
    void silentForACertificateWithoutSansWhichHasItsOwnRule() {
        var noSan = TestCertificates.withSubject("CN=" + NAME).issuedBy(Contexts.intermediate()).build();

        Contexts.silent(rule, Contexts.trusted(noSan));
    }

    @Test
    void silentWithoutCertificates() {
        Contexts.silent(rule, Contexts.served());
    }
}
