package io.sincro.web.agent.home;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import io.sincro.db.Station;
import io.sincro.db.journal.Journal;
import io.sincro.db.journal.JournalEntry.Event;
import io.sincro.db.journal.JournalEntry.Outcome;
import io.sincro.sync.DataAge;
import io.sincro.sync.SyncStatus;
import io.sincro.web.page.Feature;
import io.sincro.web.page.Pages;
import io.sincro.web.page.WebStation;

/** {@code /}: the agent's home page. */
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
        routes.get("/", ctx -> home(ctx, pages));
    }

    private static void home(Context ctx, Pages pages) {
        WebStation station = pages.station();
        Journal journal = new Journal();
        var sent = station.database().inTransaction(c -> journal.last(c, Event.SEND, Outcome.OK));
        DataAge age = DataAge.of(station.database(), station.clock(), station.maxAgeDays());
        SyncStatus status = new SyncStatus(station.database(), station.folder());
        pages.render(ctx, "agent/home.jte", "home", new HomeView(sent.orElse(null), age.lastReceive().orElse(null),
                age, status.outboundQueue().size(), status.setAside().names().size()));
    }
}
