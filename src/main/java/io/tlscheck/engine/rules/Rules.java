package io.tlscheck.engine.rules;

import java.util.List;

/**
 * Every rule the engine runs, in the order their findings are listed. Adding a rule means one
 * new class in this package, its test, and one line here.
 */
public final class Rules {
    private static final List<Rule> ALL = List.of(
            new ChainUntrusted(),
            new IncompleteChain(),
            new SelfSignedCertificate(),
            new ChainOutOfOrder(),
            new ExtraCertificates(),
            new CertificateExpired(),
            new CertificateNotYetValid(),
            new CertificateExpiringCritical(),
            new CertificateExpiringSoon(),
            new HostnameMismatch(),
            new NoSubjectAltName(),
            new MissingExpectedNames(),
            new UnexpectedIssuer(),
            new WeakRsaKey(),
            new WeakEcKey(),
            new WeakSignature(),
            new LegacyProtocol(),
            new ProtocolBelowMinimum(),
            new WeakCipherSuite(),
            new MissingServerAuthEku(),
            new MissingExtendedKeyUsage(),
            new IntermediateNotCa(),
            new LeafIsCa(),
            new OcspStapleMissing(),
            new CertificateRevoked(),
            new RevocationUnknown(),
            new PinMismatch(),
            new ServedCertificateStale(),
            new ExpectedCertificateUnavailable());

    private Rules() {
    }

    public static List<Rule> all() {
        return ALL;
    }
}
