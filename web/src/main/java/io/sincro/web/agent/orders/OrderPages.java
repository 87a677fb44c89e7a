package io.sincro.web.agent.orders;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import io.sincro.agent.AgentStation;
import io.sincro.agent.orders.DraftOrder;
import io.sincro.agent.orders.NewLine;
import io.sincro.agent.orders.OrderDetails;
import io.sincro.agent.orders.OrderFilter;
import io.sincro.agent.orders.OrderStatusReport;
import io.sincro.agent.work.AgentWorkException;
import io.sincro.db.Station;
import io.sincro.db.orders.Order;
import io.sincro.db.orders.OrderNumber;
import io.sincro.db.orders.OrderStatus;
import io.sincro.sync.SyncStatus;
import io.sincro.web.page.Feature;
import io.sincro.web.page.Forms;
import io.sincro.web.page.Pages;

/**
 * {@code /orders}: the agent's orders, calling agent-station's AgentOrders and AgentTemplates as
 * {@code sincro order} does. A change that cannot be made shows the order again with the
 * module's sentence; one that can goes back to the order (post, redirect, get).
 */
public final class OrderPages implements Feature {

    private static final String SECTION = "orders";
    private static final String ORDER = "/orders/{series}/{number}";

    @Override
    public boolean serves(Station station) {
        return !station.isHeadOffice();
    }

    @Override
    public String messages() {
        return "io.sincro.web.agent.orders.messages";
    }

    @Override
    public void routes(RoutesConfig routes, Pages pages) {
        routes.get("/orders", ctx -> list(ctx, pages));
        routes.get("/orders/new", ctx -> pages.render(ctx, "agent/orders/new.jte", SECTION,
                newOrder(pages, ctx.queryParam("customer"), null)));
        routes.post("/orders", ctx -> create(ctx, pages));
        routes.get(ORDER, ctx -> show(ctx, pages, number(ctx), null, null, ctx.queryParam("notice")));
        routes.get(ORDER + "/check", ctx -> {
            OrderNumber number = number(ctx);
            show(ctx, pages, number, station(pages).orders().check(number), null, null);
        });
        routes.post(ORDER + "/lines", ctx -> change(ctx, pages, (station, number) -> station.orders().addLine(number,
                new NewLine(Forms.text(ctx, "product"), Forms.decimal(ctx, "quantity", "the quantity"), null, null))));
        routes.post(ORDER + "/lines/{line}", ctx -> change(ctx, pages, (station, number) -> station.orders()
                .changeQuantity(number, line(ctx), Forms.decimal(ctx, "quantity", "the quantity"))));
        routes.post(ORDER + "/lines/{line}/remove", ctx -> change(ctx, pages,
                (station, number) -> station.orders().removeLine(number, line(ctx))));
        routes.post(ORDER + "/request", ctx -> change(ctx, pages, (station, number) -> station.orders()
                .changeRequest(number, Forms.text(ctx, "notes"), Forms.date(ctx, "delivery", "the delivery date"))));
        routes.post(ORDER + "/template", ctx -> change(ctx, pages,
                (station, number) -> station.templates().save(number, Forms.text(ctx, "name"), false), "template"));
        routes.post(ORDER + "/submit", ctx -> change(ctx, pages, (station, number) -> station.orders().submit(number),
                "submitted"));
        routes.post(ORDER + "/withdraw", ctx -> change(ctx, pages, (station, number) -> station.orders()
                .withdraw(number, new SyncStatus(pages.station().database(), pages.station().folder()).packagedUpTo()),
                "withdrawn"));
    }

    /** The address of an order's page. */
    static String path(OrderNumber number) {
        return "/orders/" + number.series() + "/" + number.number();
    }

    private static void list(Context ctx, Pages pages) {
        AgentStation station = station(pages);
        Map<String, OrderStatusReport> statuses = station.orders().statuses().stream()
                .collect(Collectors.toMap(r -> r.status().number().toString(), r -> r, (a, b) -> a, LinkedHashMap::new));
        pages.render(ctx, "agent/orders/list.jte", SECTION,
                new OrdersView(station.orders().list(OrderFilter.all().limitedTo(500)), statuses));
    }

    private static NewOrderView newOrder(Pages pages, String customer, String problem) {
        AgentStation station = station(pages);
        return new NewOrderView(station.customers().list(null), station.templates().list(), customer, problem);
    }

    private static void create(Context ctx, Pages pages) {
        String customer = Forms.text(ctx, "customer");
        String template = Forms.text(ctx, "template");
        try {
            AgentStation station = station(pages);
            if (template == null) {
                Order order = station.orders().create(customer, Forms.text(ctx, "notes"));
                ctx.redirect(path(order.number()), HttpStatus.SEE_OTHER);
                return;
            }
            DraftOrder draft = station.templates().newOrder(template, customer);
            String notice = draft.leftOut().isEmpty() ? "fromTemplate" : "leftOut";
            ctx.redirect(path(draft.details().order().number()) + "?notice=" + notice, HttpStatus.SEE_OTHER);
        } catch (AgentWorkException e) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            pages.render(ctx, "agent/orders/new.jte", SECTION, newOrder(pages, customer, e.getMessage()));
        }
    }

    private static void show(Context ctx, Pages pages, OrderNumber number, List<String> problems, String problem,
            String notice) {
        AgentStation station = station(pages);
        OrderDetails details = station.orders().show(number);
        OrderStatusReport status = details.order().status() == OrderStatus.DRAFT ? null : station.orders().status(number);
        pages.render(ctx, "agent/orders/order.jte", SECTION, new OrderView(details, station.orders().stockWarnings(number),
                status, problems, problem, notice));
    }

    /** One change to an order: made and back to the order, or the order again with why not. */
    private static void change(Context ctx, Pages pages, Change change) {
        change(ctx, pages, change, null);
    }

    private static void change(Context ctx, Pages pages, Change change, String notice) {
        OrderNumber number = number(ctx);
        try {
            change.make(station(pages), number);
        } catch (AgentWorkException e) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            show(ctx, pages, number, e.problems().isEmpty() ? null : e.problems(), e.getMessage(), null);
            return;
        }
        ctx.redirect(path(number) + (notice == null ? "" : "?notice=" + notice), HttpStatus.SEE_OTHER);
    }

    private static OrderNumber number(Context ctx) {
        try {
            return new OrderNumber(ctx.pathParam("series"), Integer.parseInt(ctx.pathParam("number")));
        } catch (IllegalArgumentException e) {
            throw new AgentWorkException("'" + ctx.pathParam("series") + "/" + ctx.pathParam("number")
                    + "' is not an order number; open the order from the list of orders");
        }
    }

    private static int line(Context ctx) {
        try {
            return Integer.parseInt(ctx.pathParam("line"));
        } catch (NumberFormatException e) {
            throw new AgentWorkException("'" + ctx.pathParam("line") + "' is not a line number");
        }
    }

    private static AgentStation station(Pages pages) {
        return new AgentStation(pages.station().database(), pages.station().clock());
    }

    @FunctionalInterface
    private interface Change {
        void make(AgentStation station, OrderNumber number);
    }
}
