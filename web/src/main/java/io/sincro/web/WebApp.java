package io.sincro.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Properties;

import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.util.JavalinBindException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sincro.agent.work.AgentWorkException;
import io.sincro.db.Station;
import io.sincro.web.page.Feature;
import io.sincro.web.page.Pages;
import io.sincro.web.page.WebStation;

/**
 * The station's pages, served on 127.0.0.1 until closed. Only the browser that opened
 * {@link #startAddress()} can use them (see {@link Guard}).
 */
public final class WebApp implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebApp.class);
    private static final String HTMX = "/assets/htmx.min.js";
    private static final String CSS = "/assets/sincro.css";

    private final Javalin server;
    private final Guard guard;

    private WebApp(Javalin server, Guard guard) {
        this.server = server;
        this.guard = guard;
    }

    /**
     * Serves {@code station}'s pages on 127.0.0.1:{@code port}, or on a free port when it is 0.
     *
     * @throws WebAppException when the port is taken or cannot be used
     */
    public static WebApp start(WebStation station, int port) {
        Guard guard = new Guard(new SecureRandom());
        Pages shared = Pages.of(station, HTMX);
        Station at = station.database().station();
        Properties versions = versions();
        String htmxResource = "/META-INF/resources/webjars/htmx.org/" + versions.getProperty("htmx.version")
                + "/dist/htmx.min.js";
        Javalin server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.host = "127.0.0.1";
            config.jetty.port = port;
            // a body without a length (chunked) stops at the same size as one the guard measures
            config.jetty.multipartConfig.maxTotalRequestSize(Guard.MAX_BODY, SizeUnit.BYTES);
            config.routes.before(guard::check);
            config.routes.get(Guard.START, guard::start);
            config.routes.get(HTMX, ctx -> asset(ctx, htmxResource, "text/javascript"));
            config.routes.get(CSS, ctx -> asset(ctx, "/io/sincro/web/assets/sincro.css", "text/css"));
            for (Feature feature : Features.all()) {
                if (feature.serves(at)) {
                    feature.routes(config.routes, shared.of(feature));
                }
            }
            config.routes.exception(Refusal.class, (e, ctx) -> {
                log.warn("refused {}", e.getMessage());
                error(shared, ctx, e.status(), e.messageKey(), null);
            });
            config.routes.exception(AgentWorkException.class,
                    (e, ctx) -> error(shared, ctx, 400, "error.input", e.getMessage()));
            config.routes.exception(Exception.class, (e, ctx) -> {
                log.error("the page {} failed", ctx.path(), e);
                error(shared, ctx, 500, "error.internal", e.getMessage());
            });
            config.routes.error(404, ctx -> error(shared, ctx, 404, "error.notFound", null));
        });
        try {
            server.start();
        } catch (JavalinBindException e) {
            throw new WebAppException("port " + port + " on 127.0.0.1 is taken or not allowed (" + e.getMessage()
                    + "); choose another with --port, or leave --port out for a free one", e);
        }
        guard.listeningOn(server.port());
        log.info("serving the pages of {} on 127.0.0.1:{}", at, server.port());
        return new WebApp(server, guard);
    }

    public int port() {
        return server.port();
    }

    /** The address that opens a session, with this run's secret: for this user's browser only. */
    public URI startAddress() {
        return URI.create("http://127.0.0.1:" + port() + Guard.START + "?key=" + guard.secret());
    }

    /** The home page's address, without the secret. */
    public URI address() {
        return URI.create("http://127.0.0.1:" + port() + "/");
    }

    @Override
    public void close() {
        server.stop();
    }

    private static void error(Pages shared, Context ctx, int status, String key, String detail) {
        ctx.status(HttpStatus.forStatus(status));
        shared.render(ctx, "error.jte", "", new ErrorView(status, key, detail));
    }

    private static void asset(Context ctx, String resource, String type) throws IOException {
        InputStream in = WebApp.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("the resource " + resource + " is missing from the application's jar");
        }
        ctx.contentType(type);
        ctx.header("Cache-Control", "private, max-age=3600");
        ctx.result(in);
    }

    private static Properties versions() {
        Properties versions = new Properties();
        try (InputStream in = WebApp.class.getResourceAsStream("/io/sincro/web/web.properties")) {
            versions.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read web.properties from the application's jar", e);
        }
        return versions;
    }
}
