package io.tlscheck.engine.revocation;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import javax.net.ssl.SSLException;

import io.tlscheck.engine.Deadline;

/**
 * HTTP GET and POST for OCSP (RFC 6960 Appendix A) and CRLs, written for servers that may be
 * slow or hostile: every exchange ends by the deadline, bodies are capped, and at most
 * {@value #MAX_REDIRECTS} redirects are followed, to http or https only. Only 200 counts as an
 * answer.
 *
 * <p>Time: each request carries the deadline's remaining time as its timeout (the JDK client
 * counts connecting within it), and the wait for the whole response, body included, is cut at
 * the same instant; a late exchange is cancelled, which closes its connection. No client-wide
 * connect timeout is set: it would be one fixed value for every check, where the request
 * timeout follows each check's deadline.
 */
final class HttpFetcher {
    static final int MAX_REDIRECTS = 3;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final Supplier<HttpClient> clientFactory;
    private HttpClient client;

    HttpFetcher() {
        // Redirects are followed here, not by the client, to count them and keep the method:
        // an OCSP responder that moved still wants the request it was sent.
        this(() -> HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(ProxySelector.getDefault())
                .build());
    }

    /** The client is made on first use: a CLI run that never checks revocation should not pay for it. */
    HttpFetcher(Supplier<HttpClient> clientFactory) {
        this.clientFactory = clientFactory;
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = clientFactory.get();
        }
        return client;
    }

    byte[] get(URI uri, long maxBytes, Deadline deadline) throws FetchException {
        return exchange(uri, null, null, maxBytes, deadline);
    }

    byte[] post(URI uri, String contentType, byte[] body, long maxBytes, Deadline deadline) throws FetchException {
        return exchange(uri, contentType, body, maxBytes, deadline);
    }

    private byte[] exchange(URI uri, String contentType, byte[] body, long maxBytes, Deadline deadline)
            throws FetchException {
        URI target = uri;
        for (int redirects = 0; ; redirects++) {
            HttpResponse<byte[]> response = send(request(target, contentType, body, deadline), maxBytes, deadline);
            int status = response.statusCode();
            if (status == 200) {
                return response.body();
            }
            if (!REDIRECTS.contains(status)) {
                throw new FetchException("answered HTTP " + status);
            }
            if (redirects == MAX_REDIRECTS) {
                throw new FetchException("redirected more than " + MAX_REDIRECTS + " times");
            }
            target = redirectTarget(target, response);
        }
    }

    private static HttpRequest request(URI uri, String contentType, byte[] body, Deadline deadline)
            throws FetchException {
        Duration left = deadline.remaining();
        if (left.isZero()) {
            throw new FetchException("was not asked: the check ran out of time");
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(left).header("User-Agent", "tlscheck");
        if (body == null) {
            return builder.GET().build();
        }
        return builder.header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private HttpResponse<byte[]> send(HttpRequest request, long maxBytes, Deadline deadline) throws FetchException {
        CompletableFuture<HttpResponse<byte[]>> pending = client().sendAsync(request, info -> info.statusCode() == 200
                ? new BoundedBody(maxBytes, info.headers().firstValueAsLong("Content-Length").orElse(-1))
                : BoundedBody.ignored());
        try {
            return pending.get(Math.max(1, deadline.remaining().toNanos()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new FetchException("timed out");
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new FetchException("was not waited for: the check was interrupted");
        } catch (ExecutionException e) {
            throw new FetchException(describe(e.getCause()));
        }
    }

    private static URI redirectTarget(URI from, HttpResponse<?> response) throws FetchException {
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new FetchException("answered HTTP " + response.statusCode() + " without a Location"));
        URI next;
        try {
            next = from.resolve(location);
        } catch (IllegalArgumentException e) {
            throw new FetchException("redirected to a malformed URL");
        }
        String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchException("redirected to " + next + ", which is not http or https");
        }
        return next;
    }

    /** The cause as the end of a sentence, without a stack trace. */
    static String describe(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof FetchException fetch) {
                return fetch.getMessage();
            }
            if (t instanceof HttpConnectTimeoutException) {
                return "timed out connecting";
            }
            if (t instanceof HttpTimeoutException) {
                return "timed out";
            }
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return "could not be resolved";
            }
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "refused the connection";
            }
            if (t instanceof SSLException ssl) {
                return "failed in TLS: " + ssl.getMessage();
            }
        }
        if (error instanceof IOException && error.getMessage() != null) {
            return "failed: " + error.getMessage();
        }
        return "failed: " + (error == null ? "unknown error" : error.getClass().getSimpleName());
    }

    static String mebibytes(long bytes) {
        return bytes % (1 << 20) == 0 ? bytes / (1 << 20) + " MiB" : bytes + " bytes";
    }
}
