package io.tlscheck.engine.rules;

import static io.tlscheck.engine.rules.Contexts.NAME;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.tlscheck.engine.Certificates;
import io.tlscheck.engine.Expectations;
import io.tlscheck.engine.Finding;
import io.tlscheck.testing.Issued;

class PinMismatchTest {
    /** SHA-256 of nothing any test generates. */
    private static final String FOREIGN_PIN = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
    private final Rule rule = new PinMismatch();
    /** A key of its own: a pooled one may be shared with another certificate of the chain. */
    private static final Issued LEAF = Contexts.leaf(NAME).freshKey().build();
    private final Issued leaf = LEAF;

    private static Expectations pinning(String... pins) {
        return Expectations.DEFAULTS.withSpkiPins(List.of(pins));
    }

    private static String pinOf(Issued issued) {
        return Certificates.spkiPin(issued.certificate());
    }

    @Test
    void firesWhenNoCertificateHasAnExpectedPinAndShowsTheLeafsPin() {
        Finding finding = Contexts.finding(rule, Contexts.trusted(leaf).want(pinning(FOREIGN_PIN)));

        assertThat(finding.message()).isEqualTo("no certificate served for valid.test (nor its trust anchor) has an "
                + "expected SPKI pin; the certificate's own pin is " + pinOf(leaf));
    }

    @Test
    void silentWhenTheLeafTheIntermediateOrTheAnchorIsPinned() {
        Contexts.silent(rule, Contexts.trusted(leaf).want(pinning(FOREIGN_PIN, pinOf(leaf))));
        Contexts.silent(rule, Contexts.trusted(leaf).want(pinning(pinOf(Contexts.intermediate()))));
        Contexts.silent(rule, Contexts.trusted(leaf).want(pinning(pinOf(Contexts.root()))));
    }

    @Test
    void anUnservedRootCountsOnlyWhenItIsTheTrustAnchor() {
        Contexts.finding(rule, Contexts.served(leaf, Contexts.intermediate()).want(pinning(pinOf(Contexts.root()))));
    }

    @Test
    void acceptsPinsWithTheirHashPrefix() {
        Contexts.silent(rule, Contexts.trusted(leaf).want(pinning("sha256//" + pinOf(leaf))));
        Contexts.silent(rule, Contexts.trusted(leaf).want(pinning(" sha256/" + pinOf(leaf))));
    }

    @Test
    void aPinThatBeginsWithASlashIsNotMistakenForCurlsPrefix() {
        // "/" is a base64 digit: one pin in 64 begins with it, and "sha256/" + such a pin reads
        // like curl's "sha256//". Draw keys until one does (about 64 tries).
        Issued slashed = null;
        for (int i = 0; i < 2000 && slashed == null; i++) {
            Issued candidate = Contexts.leaf(NAME).ec(256).freshKey().build();
            slashed = pinOf(candidate).startsWith("/") ? candidate : null;
        }
        assertThat(slashed).as("a key whose pin begins with /").isNotNull();

        Contexts.silent(rule, Contexts.trusted(slashed).want(pinning(pinOf(slashed))));
        Contexts.silent(rule, Contexts.trusted(slashed).want(pinning("sha256/" + pinOf(slashed))));
        Contexts.silent(rule, Contexts.trusted(slashed).want(pinning("sha256//" + pinOf(slashed))));
    }

    @Test
    void silentWhenNothingIsPinnedOrNoCertificateWasServed() {
        Contexts.silent(rule, Contexts.trusted(leaf));
        Contexts.silent(rule, Contexts.served().want(pinning(FOREIGN_PIN)));
    }
}
