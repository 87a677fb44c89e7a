package io.sincro.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;

import io.sincro.web.page.Pages;

/**
 * Lets only this user's browser drive the station. The first address {@code sincro ui} opens holds
 * a secret made for this run; {@code /start} trades it for a session cookie (HttpOnly,
 * SameSite=Strict) and sends the browser on to the home page, so the secret leaves the address bar.
 * Then every request must
 * <ul>
 * <li>name this server as 127.0.0.1:PORT or localhost:PORT in its Host header, so a page of another
 * site whose name was pointed at 127.0.0.1 (DNS rebinding) is refused;</li>
 * <li>carry the session cookie;</li>
 * <li>when it changes something (any method but GET and HEAD), come from these pages: an Origin
 * header of this server, and the session's form token in the form or in htmx's header
 * (synchronizer token).</li>
 * </ul>
 */
final class Guard {

    static final String START = "/start";
    static final String COOKIE = "sincro_session";
    /** The largest request body taken, an upload included: 64 MB (bigger files go through the command line). */
    static final long MAX_BODY = 64L * 1024 * 1024;
    private static final Set<HandlerType> READING = Set.of(HandlerType.GET, HandlerType.HEAD);

    private final SecureRandom random;
    private final String secret;
    /** Each session's form token, by session id. */
    private final Map<String, String> sessions = new ConcurrentHashMap<>();
    private volatile int port;

    Guard(SecureRandom random) {
        this.random = random;
        this.secret = token();
    }

    /** The port the server listens on, once it does. */
    void listeningOn(int listeningPort) {
        this.port = listeningPort;
    }

    String secret() {
        return secret;
    }

    /** Runs before every handler: refuses what this user's browser did not send. */
    void check(Context ctx) {
        ctx.header("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; form-action 'self'");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("X-Content-Type-Options", "nosniff");
        // not no-referrer: under it a browser sends "Origin: null" with the pages' own forms, and the
        // origin check below refuses them; same-origin still sends nothing to other sites
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Cache-Control", "no-store");
        String host = ctx.header("Host");
        if (host == null || !(host.equals("127.0.0.1:" + port) || host.equals("localhost:" + port))) {
            throw new Refusal(403, "refused.host", "a request for host " + host + " (not this server's address)");
        }
        if (ctx.path().equals(START) && ctx.method() == HandlerType.GET) {
            return;
        }
        String session = ctx.cookie(COOKIE);
        String csrf = session == null ? null : sessions.get(session);
        if (csrf == null) {
            throw new Refusal(403, "refused.session", "a request without this run's session (" + ctx.path() + ")");
        }
        ctx.attribute(Pages.CSRF_ATTRIBUTE, csrf);
        if (READING.contains(ctx.method())) {
            return;
        }
        String origin = ctx.header("Origin");
        if (origin == null || !(origin.equals("http://127.0.0.1:" + port) || origin.equals("http://localhost:" + port))) {
            throw new Refusal(403, "refused.origin", "a " + ctx.method() + " from origin " + origin);
        }
        long length = ctx.req().getContentLengthLong();
        if (length > MAX_BODY) {
            // refused before a byte of the body is read
            throw new Refusal(413, "refused.tooLarge",
                    "a " + ctx.method() + " of " + length + " bytes to " + ctx.path());
        }
        String sent = ctx.header(Pages.CSRF_HEADER);
        if (sent == null) {
            sent = ctx.formParam(Pages.CSRF_FIELD);
        }
        if (sent == null || !same(sent, csrf)) {
            throw new Refusal(403, "refused.csrf", "a " + ctx.method() + " to " + ctx.path() + " without the form token");
        }
    }

    /** {@code GET /start?key=SECRET}: the secret for a session, then on to the home page. */
    void start(Context ctx) {
        String key = ctx.queryParam("key");
        if (key == null || !same(key, secret)) {
            throw new Refusal(403, "refused.secret", "a start without this run's secret");
        }
        String session = token();
        sessions.put(session, token());
        ctx.header("Set-Cookie", COOKIE + "=" + session + "; Path=/; HttpOnly; SameSite=Strict");
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
