package io.sincro.web.office.agents;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import io.sincro.db.Station;
import io.sincro.sync.Republishing;
import io.sincro.sync.SyncStatus;
import io.sincro.web.page.Feature;
import io.sincro.web.page.Pages;
import io.sincro.web.page.WebStation;

/**
 * {@code /}: the head office's dashboard, what {@code sincro hq agents --check} and {@code sincro
 * status} know; {@code POST /republish}: {@code sincro hq republish AGENT|--catalog|--all}.
 */
public final class DashboardPages implements Feature {

    @Override
    public boolean serves(Station station) {
        return station.isHeadOffice();
    }

    @Override
    public String messages() {
        return "io.sincro.web.office.agents.messages";
    }

    @Override
    public void routes(RoutesConfig routes, Pages pages) {
        routes.get("/", ctx -> dashboard(ctx, pages, done(ctx.queryParam("republished")), ctx.queryParam("agent")));
        routes.post("/republish", ctx -> republish(ctx, pages));
    }

    private static void dashboard(Context ctx, Pages pages, String done, String doneArgument) {
        WebStation station = pages.station();
        SyncStatus status = new SyncStatus(station.database(), station.folder());
        pages.render(ctx, "office/dashboard.jte", "home", new DashboardView(
                status.standings(station.clock().instant(), station.maxAgeDays(), station.clockTolerance()), station.maxAgeDays(),
                status.outboundQueue(), status.setAside().names(), done, doneArgument));
    }

    /** The key of the sentence for what was republished, from the address it redirected to. */
    private static String done(String what) {
        if (what == null) {
            return null;
        }
        return switch (what) {
            case "agent", "catalog", "all" -> "republished." + what;
            default -> null;
        };
    }

    private static void republish(Context ctx, Pages pages) {
        WebStation station = pages.station();
        Republishing republishing = new Republishing(station.database(), station.clock());
        String what = ctx.formParam("what");
        String agent = ctx.formParam("agent");
        if ("catalog".equals(what)) {
            republishing.catalog();
            ctx.redirect("/?republished=catalog", HttpStatus.SEE_OTHER);
        } else if ("all".equals(what)) {
            republishing.all();
            ctx.redirect("/?republished=all", HttpStatus.SEE_OTHER);
        } else if ("agent".equals(what) && agent != null && agent.matches("[A-Za-z0-9]{1,10}")) {
            try {
                republishing.agent(agent);
            } catch (IllegalArgumentException unknown) {
                ctx.status(HttpStatus.BAD_REQUEST);
                dashboard(ctx, pages, "republish.unknown", agent);
                return;
            }
            ctx.redirect("/?republished=agent&agent=" + agent, HttpStatus.SEE_OTHER);
        } else {
            ctx.status(HttpStatus.BAD_REQUEST);
            dashboard(ctx, pages, "republish.what", null);
        }
    }
}
