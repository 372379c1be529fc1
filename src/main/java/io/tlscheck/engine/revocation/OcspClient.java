package io.tlscheck.engine.revocation;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;

import io.tlscheck.engine.Deadline;

/**
 * Asks one OCSP responder about one certificate over HTTP (RFC 6960 Appendix A). A request that
 * fits in 255 bytes as a URL goes by GET, as RFC 5019 §5 asks so that responders' CDNs can
 * cache the answer; a longer one by POST.
 */
final class OcspClient {
    static final long MAX_RESPONSE_BYTES = 1L << 20;
    private static final int MAX_GET_URL_LENGTH = 255;

    private final HttpFetcher http;
    private final OcspVerifier verifier;

    OcspClient(HttpFetcher http, OcspVerifier verifier) {
        this.http = http;
        this.verifier = verifier;
    }

    RevocationResult ask(URI responder, X509Certificate subject, X509Certificate issuer, Deadline deadline) {
        String who = "OCSP responder " + responder;
        byte[] answer;
        try {
            byte[] request = verifier.request(subject, issuer);
            URI get = getUrl(responder, request);
            answer = get != null
                    ? http.get(get, MAX_RESPONSE_BYTES, deadline)
                    : http.post(responder, "application/ocsp-request", request, MAX_RESPONSE_BYTES, deadline);
        } catch (OcspVerifier.RequestException e) {
            return RevocationResult.unknown(subject, RevocationResult.OCSP, who + " was not asked: " + e.getMessage());
        } catch (FetchException e) {
            return RevocationResult.unknown(subject, RevocationResult.OCSP, who + " " + e.getMessage());
        }
        return verifier.verify(answer, subject, issuer, RevocationResult.OCSP, who)
                .orElseGet(() -> RevocationResult.unknown(subject, RevocationResult.OCSP,
                        who + " answered about other certificates only"));
    }

    /** The GET form {@code responder/url-encoded-base64}, or {@code null} when POST must be used. */
    private static URI getUrl(URI responder, byte[] request) {
        if (responder.getRawQuery() != null || responder.getRawFragment() != null) {
            return null;
        }
        String base = responder.toString();
        String url = (base.endsWith("/") ? base : base + "/")
                + URLEncoder.encode(Base64.getEncoder().encodeToString(request), StandardCharsets.US_ASCII);
        return url.length() <= MAX_GET_URL_LENGTH ? URI.create(url) : null;
    }
}
