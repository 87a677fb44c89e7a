package io.sincro.web.agent.sync;

import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpStatus;

import io.sincro.db.Station;
import io.sincro.web.page.Feature;
import io.sincro.web.page.Pages;

/**
 * {@code /sync}: starts the station's sync as {@code sincro sync} runs it (the app's exchange,
 * notices included) and shows its packages as they go, polled by htmx, then its summary.
 */
public final class SyncPages implements Feature {

    @Override
    public boolean serves(Station station) {
        return !station.isHeadOffice();
    }

    @Override
    public String messages() {
        return "io.sincro.web.agent.sync.messages";
    }

    @Override
    public void routes(RoutesConfig routes, Pages pages) {
        SyncRuns runs = new SyncRuns(pages.station());
        routes.get("/sync", ctx -> pages.render(ctx, "agent/sync/sync.jte", "sync", runs.view()));
        routes.get("/sync/progress", ctx -> pages.render(ctx, "agent/sync/progress.jte", "sync", runs.view()));
        routes.post("/sync", ctx -> {
            runs.start();
            ctx.redirect("/sync", HttpStatus.SEE_OTHER);
        });
    }
}
