package io.sincro.web.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Plain HTTP against the pages, as a page of another site or another program would send it: no
 * redirects followed, no cookies kept. The Host header can be set because the tests' JVM allows it
 * (jdk.httpclient.allowRestrictedHeaders=host in web/pom.xml).
 */
public final class Http {

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("the request to the pages failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public HttpResponse<String> get(URI address, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(address).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    /** The session cookie /start sets, as a Cookie header's value. */
    public String session(URI startAddress) {
        HttpResponse<String> started = get(startAddress);
        String setCookie = started.headers().firstValue("Set-Cookie")
                .orElseThrow(() -> new AssertionError("no session cookie from " + startAddress + ": " + started));
        return setCookie.substring(0, setCookie.indexOf(';'));
    }
}
