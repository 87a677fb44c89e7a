package io.sincro.web.agent.customers;

import java.math.BigDecimal;
import java.util.List;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import io.sincro.agent.AgentStation;
import io.sincro.agent.customers.CustomerDetails;
import io.sincro.agent.customers.NewCustomer;
import io.sincro.agent.work.AgentWorkException;
import io.sincro.db.Station;
import io.sincro.db.customers.Customer;
import io.sincro.rules.conflicts.PriceConflict;
import io.sincro.rules.conflicts.PriceConflicts;
import io.sincro.web.page.Feature;
import io.sincro.web.page.Forms;
import io.sincro.web.page.Pages;

/**
 * {@code /customers}: agent-station's AgentCustomers (as {@code sincro customer}) and the special
 * prices the agent edits (as {@code sincro price set}), with sync-rules' conflicts on them (as
 * {@code sincro conflicts --customer}).
 */
public final class CustomerPages implements Feature {

    private static final String SECTION = "customers";

    @Override
    public boolean serves(Station station) {
        return !station.isHeadOffice();
    }

    @Override
    public String messages() {
        return "io.sincro.web.agent.customers.messages";
    }

    @Override
    public void routes(RoutesConfig routes, Pages pages) {
        routes.get("/customers", ctx -> {
            String search = Forms.query(ctx, "q");
            pages.render(ctx, "agent/customers/list.jte", SECTION,
                    new CustomersView(search, station(pages).customers().list(search)));
        });
        routes.get("/customers/new", ctx -> pages.render(ctx, "agent/customers/new.jte", SECTION,
                new NewCustomerView(new NewCustomer(null, null, null, null, null, null, null), List.of())));
        routes.post("/customers", ctx -> create(ctx, pages));
        routes.get("/customers/{code}", ctx -> show(ctx, pages, null, ctx.queryParam("notice")));
        routes.post("/customers/{code}/prices", ctx -> setPrice(ctx, pages));
    }

    private static void create(Context ctx, Pages pages) {
        NewCustomer typed = new NewCustomer(Forms.text(ctx, "name"), Forms.text(ctx, "vat"), Forms.text(ctx, "address"),
                Forms.text(ctx, "city"), Forms.text(ctx, "email"), Forms.text(ctx, "phone"), Forms.text(ctx, "priceList"));
        try {
            Customer created = station(pages).customers().create(typed);
            ctx.redirect("/customers/" + created.code() + "?notice=created", HttpStatus.SEE_OTHER);
        } catch (AgentWorkException e) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            pages.render(ctx, "agent/customers/new.jte", SECTION, new NewCustomerView(typed,
                    e.problems().isEmpty() ? List.of(e.getMessage()) : e.problems()));
        }
    }

    private static void show(Context ctx, Pages pages, String problem, String notice) {
        String code = ctx.pathParam("code");
        CustomerDetails details = station(pages).customers().show(code);
        List<PriceConflict> conflicts = pages.station().database()
                .inTransaction(c -> new PriceConflicts().conflicts(c, code));
        pages.render(ctx, "agent/customers/customer.jte", SECTION, new CustomerView(details, conflicts, problem, notice));
    }

    private static void setPrice(Context ctx, Pages pages) {
        String code = ctx.pathParam("code");
        try {
            String discount = Forms.text(ctx, "discount");
            station(pages).prices().setSpecialPrice(code, Forms.text(ctx, "product"),
                    Forms.decimal(ctx, "price", "the price"),
                    discount == null ? BigDecimal.ZERO : Forms.decimal(ctx, "discount", "the discount"));
        } catch (AgentWorkException e) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            show(ctx, pages, e.getMessage(), null);
            return;
        }
        ctx.redirect("/customers/" + code + "?notice=price", HttpStatus.SEE_OTHER);
    }

    private static AgentStation station(Pages pages) {
        return new AgentStation(pages.station().database(), pages.station().clock());
    }
}
