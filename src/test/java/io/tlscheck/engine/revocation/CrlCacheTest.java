package io.tlscheck.engine.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.tlscheck.testing.Issued;
import io.tlscheck.testing.TestCertificates;
import io.tlscheck.testing.TestCrlServer;

class CrlCacheTest {
    private static final Issued CA = TestCertificates.ca("Cache Test CA").build();
    private static final Issued OTHER = TestCertificates.ca("Other CA").ec(256).freshKey().build();
    private static final X509CRL CRL = crl();
    private static final Instant NOW = Instant.now();

    @Test
    void keepsAVerifiedCrlForItsIssuerKeyOnly() {
        CrlCache cache = new CrlCache();
        cache.put(url(1), CRL, CA.keyPair().getPublic(), 1000, NOW);

        assertThat(cache.get(url(1), CA.keyPair().getPublic(), NOW.plusSeconds(60))).isSameAs(CRL);
        assertThat(cache.get(url(1), OTHER.keyPair().getPublic(), NOW)).isNull();
        assertThat(cache.get(url(2), CA.keyPair().getPublic(), NOW)).isNull();
    }

    @Test
    void forgetsAfterMaxAgeOrNextUpdateWhicheverComesFirst() {
        CrlCache hourly = new CrlCache(4, 1 << 20, Duration.ofHours(1));
        hourly.put(url(1), CRL, CA.keyPair().getPublic(), 1000, NOW);
        CrlCache weekly = new CrlCache(4, 1 << 20, Duration.ofDays(7));
        weekly.put(url(1), CRL, CA.keyPair().getPublic(), 1000, NOW);

        assertThat(hourly.get(url(1), CA.keyPair().getPublic(), NOW.plus(Duration.ofMinutes(61)))).isNull();
        // The test CRL's nextUpdate is a day away.
        assertThat(weekly.get(url(1), CA.keyPair().getPublic(), NOW.plus(Duration.ofHours(23)))).isSameAs(CRL);
        assertThat(weekly.get(url(1), CA.keyPair().getPublic(), NOW.plus(Duration.ofHours(25)))).isNull();
    }

    @Test
    void boundedInCountAndBytesLeastRecentlyUsedFirst() {
        CrlCache cache = new CrlCache(2, 10_000, Duration.ofHours(1));
        cache.put(url(1), CRL, CA.keyPair().getPublic(), 1000, NOW);
        cache.put(url(2), CRL, CA.keyPair().getPublic(), 1000, NOW);
        cache.get(url(1), CA.keyPair().getPublic(), NOW);
        cache.put(url(3), CRL, CA.keyPair().getPublic(), 1000, NOW);

        assertThat(cache.get(url(2), CA.keyPair().getPublic(), NOW)).isNull();
        assertThat(cache.get(url(1), CA.keyPair().getPublic(), NOW)).isSameAs(CRL);

        cache.put(url(4), CRL, CA.keyPair().getPublic(), 9_500, NOW);
        assertThat(cache.size()).isEqualTo(1);
        cache.put(url(5), CRL, CA.keyPair().getPublic(), 10_001, NOW);
        assertThat(cache.get(url(5), CA.keyPair().getPublic(), NOW)).isNull();
    }

    private static URI url(int n) {
        return URI.create("http://crl.test/" + n + ".crl");
    }

    private static X509CRL crl() {
        try (TestCrlServer server = TestCrlServer.start(CA)) {
            return (X509CRL) CertificateFactory.getInstance("X.509")
                    .generateCRL(new ByteArrayInputStream(server.crl()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
