package io.sincro.web.office.customers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

import io.sincro.db.Origin;
import io.sincro.db.Station;
import io.sincro.office.desk.CustomerFile;
import io.sincro.office.desk.Desk;
import io.sincro.rules.conflicts.PriceConflict;
import io.sincro.rules.conflicts.PriceConflicts;
import io.sincro.web.page.Feature;
import io.sincro.web.page.Forms;
import io.sincro.web.page.Pages;

/**
 * {@code /customers}: {@code sincro hq customers list} with its filters; {@code /customers/CODE}:
 * {@code sincro hq customers show}, field by field what an agent sent that differs;
 * {@code /conflicts}: {@code sincro conflicts}.
 */
public final class CustomerPages implements Feature {

    /** The most customers one list shows; the filters narrow it. */
    static final int LIMIT = 200;

    @Override
    public boolean serves(Station station) {
        return station.isHeadOffice();
    }

    @Override
    public String messages() {
        return "io.sincro.web.office.customers.messages";
    }

    @Override
    public void routes(RoutesConfig routes, Pages pages) {
        routes.get("/customers", ctx -> list(ctx, pages));
        routes.get("/customers/{code}", ctx -> show(ctx, pages));
        routes.get("/conflicts", ctx -> conflicts(ctx, pages));
    }

    private static void list(Context ctx, Pages pages) {
        String agent = Forms.query(ctx, "agent");
        String search = Forms.query(ctx, "search");
        boolean createdByAgents = ctx.queryParam("createdByAgents") != null;
        boolean differing = ctx.queryParam("differing") != null;
        List<CustomerFile> found = new Desk(pages.station().database()).customers(
                agent == null ? null : agent.strip().toUpperCase(Locale.ROOT), createdByAgents ? Origin.AGENT : null,
                search, differing, LIMIT);
        pages.render(ctx, "office/customers.jte", "customers",
                new CustomersView(found, LIMIT, agent, search, createdByAgents, differing));
    }

    private static void show(Context ctx, Pages pages) {
        CustomerFile customer = new Desk(pages.station().database()).customer(ctx.pathParam("code"))
                .orElseThrow(NotFoundResponse::new);
        pages.render(ctx, "office/customer.jte", "customers", customer);
    }

    private static void conflicts(Context ctx, Pages pages) {
        List<PriceConflict> conflicts = new ArrayList<>(
                pages.station().database().inTransaction(c -> new PriceConflicts().conflicts(c)));
        // stored in the order they were decided
        Collections.reverse(conflicts);
        pages.render(ctx, "office/conflicts.jte", "customers", new ConflictsView(conflicts));
    }
}
