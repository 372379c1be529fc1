package io.tlscheck.engine.rules;

import static io.tlscheck.engine.rules.Contexts.NAME;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.tlscheck.engine.Expectations;
import io.tlscheck.engine.Finding;
import io.tlscheck.testing.Issued;

class MissingExpectedNamesTest {
    private final Rule rule = new MissingExpectedNames();
    private final Issued leaf = Contexts.leaf(NAME).dns("www.valid.test").build();

    private static Expectations expecting(String... names) {
        return Expectations.DEFAULTS.withExpectedNames(List.of(names));
    }

    @Test
    void firesForAnExpectedNameTheCertificateLacksAndListsWhatItHas() {
        Finding finding = Contexts.finding(rule,
                Contexts.trusted(leaf).want(expecting("valid.test", "api.valid.test", "www.valid.test", "old.test")));

        assertThat(finding.message()).isEqualTo(
                "certificate for valid.test does not cover api.valid.test, old.test (its names: valid.test, www.valid.test)");
    }

    @Test
    void silentWhenEveryExpectedNameIsCovered() {
        Contexts.silent(rule, Contexts.trusted(leaf).want(expecting("www.valid.test", "VALID.test.")));
    }

    @Test
    void matchesWildcardsAndIpAddressesTheRfc6125Way() {
        Issued wildcard = Contexts.leaf("*.valid.test").ip("10.0.0.1").build();

        Contexts.silent(rule, Contexts.trusted(wildcard).want(expecting("api.valid.test", "10.0.0.1")));
        Contexts.finding(rule, Contexts.trusted(wildcard).want(expecting("a.b.valid.test")));
        Contexts.finding(rule, Contexts.trusted(wildcard).want(expecting("10.0.0.2")));
    }

    @Test
    void silentWhenNoNamesAreExpectedOrNoCertificateWasServed() {
        Contexts.silent(rule, Contexts.trusted(leaf));
        Contexts.silent(rule, Contexts.served().want(expecting("valid.test")));
    }
}
