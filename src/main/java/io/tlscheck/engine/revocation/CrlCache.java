package io.tlscheck.engine.revocation;

import java.net.URI;
import java.security.PublicKey;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CRLs fetched recently and verified, so that an operator checking every few minutes does not
 * download the same CRL each time. Bounded in count and in encoded bytes (a parsed CRL takes
 * several times its DER size in memory), least recently used first out. An entry lives at most
 * {@code maxAge} and never past the CRL's nextUpdate: CAs publish fresh CRLs well before
 * nextUpdate, and a revocation should show within the hour. Thread-safe.
 */
final class CrlCache {
    static final int DEFAULT_MAX_ENTRIES = 16;
    static final long DEFAULT_MAX_BYTES = 32L << 20;
    static final Duration DEFAULT_MAX_AGE = Duration.ofHours(1);

    private record Entry(X509CRL crl, PublicKey verifiedWith, Instant expires, long size) {
    }

    private final int maxEntries;
    private final long maxBytes;
    private final Duration maxAge;
    private final LinkedHashMap<URI, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    CrlCache() {
        this(DEFAULT_MAX_ENTRIES, DEFAULT_MAX_BYTES, DEFAULT_MAX_AGE);
    }

    CrlCache(int maxEntries, long maxBytes, Duration maxAge) {
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
        this.maxAge = maxAge;
    }

    /** The CRL fetched from {@code url}, if it is still fresh and was verified with this issuer key. */
    synchronized X509CRL get(URI url, PublicKey issuerKey, Instant now) {
        Entry entry = entries.get(url);
        if (entry == null) {
            return null;
        }
        if (!now.isBefore(entry.expires())) {
            remove(url);
            return null;
        }
        return entry.verifiedWith().equals(issuerKey) ? entry.crl() : null;
    }

    /** Keeps a CRL that was verified with {@code issuerKey}; {@code size} is its DER length. */
    synchronized void put(URI url, X509CRL crl, PublicKey issuerKey, long size, Instant now) {
        remove(url);
        Instant expires = now.plus(maxAge);
        if (crl.getNextUpdate() != null && crl.getNextUpdate().toInstant().isBefore(expires)) {
            expires = crl.getNextUpdate().toInstant();
        }
        if (size > maxBytes || !now.isBefore(expires)) {
            return;
        }
        entries.put(url, new Entry(crl, issuerKey, expires, size));
        bytes += size;
        Iterator<Map.Entry<URI, Entry>> eldest = entries.entrySet().iterator();
        while (entries.size() > maxEntries || bytes > maxBytes) {
            bytes -= eldest.next().getValue().size();
            eldest.remove();
        }
    }

    synchronized int size() {
        return entries.size();
    }

    private void remove(URI url) {
        Entry old = entries.remove(url);
        if (old != null) {
            bytes -= old.size();
        }
    }
}
