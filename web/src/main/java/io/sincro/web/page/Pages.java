package io.sincro.web.page;

import java.util.Map;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import io.javalin.http.Context;

import io.sincro.db.Station;

/**
 * Renders a feature's templates (compiled at build time from src/main/jte) with the {@link Page}
 * of the request: the browser's language, the feature's words, the form token.
 */
public final class Pages {

    /** The header htmx sends the form token in. */
    public static final String CSRF_HEADER = "X-CSRF-Token";
    /** The hidden field every form sends the form token in. */
    public static final String CSRF_FIELD = "_csrf";
    /** Where the guard leaves the session's form token for the page. */
    public static final String CSRF_ATTRIBUTE = "io.sincro.web.csrf";
    /** The package jte-maven-plugin compiles the templates into (web/pom.xml). */
    static final String TEMPLATES_PACKAGE = "io.sincro.web.templates";

    private final TemplateEngine engine;
    private final WebStation station;
    private final String htmx;
    private final String bundle;

    private Pages(TemplateEngine engine, WebStation station, String htmx, String bundle) {
        this.engine = engine;
        this.station = station;
        this.htmx = htmx;
        this.bundle = bundle;
    }

    /** The pages of {@code station}, with htmx's script at {@code htmx}, in the shared words only. */
    public static Pages of(WebStation station, String htmx) {
        TemplateEngine engine = TemplateEngine.createPrecompiled(null, ContentType.Html, Pages.class.getClassLoader(),
                TEMPLATES_PACKAGE);
        return new Pages(engine, station, htmx, null);
    }

    /** The same pages in the words of {@code feature} (then the shared ones). */
    public Pages of(Feature feature) {
        return new Pages(engine, station, htmx, feature.messages());
    }

    public WebStation station() {
        return station;
    }

    /** The page context of this request, with {@code section} of the menu open. */
    public Page page(Context ctx, String section) {
        Messages messages = new Messages(Locales.of(ctx.header("Accept-Language")), bundle);
        String token = ctx.attribute(CSRF_ATTRIBUTE);
        Station at = station.database().station();
        return new Page(messages, new Figures(messages.locale(), station.currency(), station.clock().getZone()),
                token == null ? "" : token, at.code(), at.isHeadOffice(), section, htmx);
    }

    /** Answers with {@code template} (such as "agent/home.jte") showing {@code view}, with {@code section} open. */
    public void render(Context ctx, String template, String section, Object view) {
        Utf8ByteOutput output = new Utf8ByteOutput();
        engine.render(template, Map.of("page", page(ctx, section), "view", view), output);
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(output.toByteArray());
    }
}
