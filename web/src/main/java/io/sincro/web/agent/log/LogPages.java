package io.sincro.web.agent.log;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.javalin.config.RoutesConfig;

import io.sincro.db.Station;
import io.sincro.db.journal.Journal;
import io.sincro.db.journal.JournalEntry;
import io.sincro.web.page.Feature;
import io.sincro.web.page.Pages;

/** {@code /log}: the station's journal, as {@code sincro log} reads it. */
public final class LogPages implements Feature {

    static final int SHOWN = 200;

    @Override
    public boolean serves(Station station) {
        return !station.isHeadOffice();
    }

    @Override
    public String messages() {
        return "io.sincro.web.agent.log.messages";
    }

    @Override
    public void routes(RoutesConfig routes, Pages pages) {
        routes.get("/log", ctx -> {
            List<JournalEntry> entries = new ArrayList<>(
                    pages.station().database().inTransaction(c -> new Journal().latest(c, SHOWN)));
            Collections.reverse(entries);
            pages.render(ctx, "agent/log/log.jte", "log", new LogView(entries));
        });
    }
}
