package io.sincro.web.agent.home;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import io.sincro.db.Station;
import io.sincro.db.journal.Journal;
import io.sincro.db.journal.JournalEntry.Event;
import io.sincro.db.journal.JournalEntry.Outcome;
import io.sincro.sync.DataAge;
import io.sincro.sync.SyncStatus;
import io.sincro.web.page.Feature;
import io.sincro.web.page.Pages;
import io.sincro.web.page.WebStation;

/**
 * {@code /}: the agent's home page, with what the last check for new data from the head office
 * found ({@code /update}, polled; {@code POST /update/check} checks by hand). The check applies
 * nothing: the Update button runs the Sync page's sync, when the agent chooses.
 */
public final class HomePages implements Feature {

    @Override
    public boolean serves(Station station) {
        return !station.isHeadOffice();
    }

    @Override
    public String messages() {
        return "io.sincro.web.agent.home.messages";
    }

    @Override
    public void routes(RoutesConfig routes, Pages pages) {
        UpdateChecks checks = new UpdateChecks(pages.station());
        routes.get("/", ctx -> home(ctx, pages, checks.current()));
        // the poll of the home page: checks again once the last check is a day old
        routes.get("/update", ctx -> pages.render(ctx, "agent/update.jte", "home", checks.current()));
        routes.post("/update/check", ctx -> {
            checks.checkNow();
            ctx.redirect("/", HttpStatus.SEE_OTHER);
        });
    }

    private static void home(Context ctx, Pages pages, UpdateView update) {
        WebStation station = pages.station();
        Journal journal = new Journal();
        var sent = station.database().inTransaction(c -> journal.last(c, Event.SEND, Outcome.OK));
        DataAge age = DataAge.of(station.database(), station.clock(), station.maxAgeDays());
        SyncStatus status = new SyncStatus(station.database(), station.folder());
        pages.render(ctx, "agent/home.jte", "home", new HomeView(sent.orElse(null), age.lastReceive().orElse(null),
                age, status.outboundQueue().size(), status.setAside().names().size(), update));
    }
}
