package io.sincro.web.sync;

import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpStatus;

import io.sincro.db.Station;
import io.sincro.web.page.Feature;
import io.sincro.web.page.Pages;

/**
 * {@code /sync}: starts the station's sync as {@code sincro sync} runs it (the app's exchange,
 * notices included) and shows its packages as they go, polled by htmx, then its summary; at an agent
 * station (the menu's Sync, the home page's Update) and at the head office (the dashboard's Sync now).
 */
public final class SyncPages implements Feature {

    @Override
    public boolean serves(Station station) {
        return true;
    }

    @Override
    public String messages() {
        return "io.sincro.web.sync.messages";
    }

    @Override
    public void routes(RoutesConfig routes, Pages pages) {
        SyncRuns runs = new SyncRuns(pages.station());
        routes.get("/sync", ctx -> pages.render(ctx, "sync/sync.jte", "sync", runs.view()));
        routes.get("/sync/progress", ctx -> pages.render(ctx, "sync/progress.jte", "sync", runs.view()));
        routes.post("/sync", ctx -> {
            runs.start();
            ctx.redirect("/sync", HttpStatus.SEE_OTHER);
        });
    }
}
