package io.sincro.web.office.orders;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;

import io.sincro.db.Origin;
import io.sincro.db.Station;
import io.sincro.db.orders.OrderNumber;
import io.sincro.db.orders.OrderStatus;
import io.sincro.db.orders.StatusChangeRefusedException;
import io.sincro.office.desk.Desk;
import io.sincro.office.desk.OrderQuery;
import io.sincro.office.desk.ReceivedOrder;
import io.sincro.office.orders.OrderException;
import io.sincro.office.orders.StatusReports;
import io.sincro.web.page.Feature;
import io.sincro.web.page.Forms;
import io.sincro.web.page.Pages;

/**
 * {@code /orders}: {@code sincro hq orders list} with its filters; {@code /orders/SERIES/NUMBER}:
 * {@code sincro hq orders show}, with {@code sincro hq order-status} as a form offering only the
 * statuses the order may take now.
 */
public final class OrderPages implements Feature {

    /** The most orders one list shows; the filters narrow it. */
    static final int LIMIT = 200;

    @Override
    public boolean serves(Station station) {
        return station.isHeadOffice();
    }

    @Override
    public String messages() {
        return "io.sincro.web.office.orders.messages";
    }

    @Override
    public void routes(RoutesConfig routes, Pages pages) {
        routes.get("/orders", ctx -> list(ctx, pages));
        routes.get("/orders/{series}/{number}", ctx -> show(ctx, pages));
        routes.post("/orders/{series}/{number}/status", ctx -> setStatus(ctx, pages));
    }

    private static void list(Context ctx, Pages pages) {
        String agent = Forms.query(ctx, "agent");
        String status = Forms.query(ctx, "status");
        String from = Forms.query(ctx, "from");
        String to = Forms.query(ctx, "to");
        List<String> problems = new ArrayList<>();
        OrderStatus wanted = status == null ? null : OrderStatus.named(status).orElse(null);
        if (status != null && wanted == null) {
            problems.add("orders.badStatus");
        }
        LocalDate fromDate = date(from, problems);
        LocalDate toDate = date(to, problems);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            problems.add("orders.fromAfterTo");
        }
        List<ReceivedOrder> found = List.of();
        if (problems.isEmpty()) {
            String code = agent == null ? null : agent.strip().toUpperCase(Locale.ROOT);
            found = new Desk(pages.station().database()).orders(new OrderQuery(code, wanted, fromDate, toDate, LIMIT));
        } else {
            ctx.status(HttpStatus.BAD_REQUEST);
        }
        pages.render(ctx, "office/orders.jte", "orders", new OrdersView(found, LIMIT, agent, status, from, to,
                problems.isEmpty() ? null : problems.get(0)));
    }

    private static void show(Context ctx, Pages pages) {
        ReceivedOrder order = find(ctx, pages);
        pages.render(ctx, "office/order.jte", "orders", view(order, null, null, null, null, null));
    }

    private static void setStatus(Context ctx, Pages pages) {
        ReceivedOrder order = find(ctx, pages);
        String status = ctx.formParam("status");
        String reason = Forms.text(ctx, "reason");
        String expected = Forms.text(ctx, "expected");
        List<String> problems = new ArrayList<>();
        LocalDate expectedDelivery = date(expected, problems);
        String problem = problems.isEmpty() ? null : "order.badDate";
        String detail = null;
        if (problem == null) {
            try {
                new StatusReports(pages.station().database()).report(order.order().number(), status, reason,
                        expectedDelivery);
                ctx.redirect(view(order, null, null, null, null, null).path(), HttpStatus.SEE_OTHER);
                return;
            } catch (OrderException | StatusChangeRefusedException refused) {
                problem = "order.refused";
                detail = refused.getMessage();
            }
        }
        ctx.status(HttpStatus.BAD_REQUEST);
        pages.render(ctx, "office/order.jte", "orders", view(order, status, reason, expected, problem, detail));
    }

    private static OrderView view(ReceivedOrder order, String status, String reason, String expected, String problem,
            String detail) {
        return new OrderView(order, List.copyOf(order.status().status().next(Origin.HEAD_OFFICE)), status, reason,
                expected, problem, detail);
    }

    private static ReceivedOrder find(Context ctx, Pages pages) {
        String series = ctx.pathParam("series");
        String number = ctx.pathParam("number");
        if (!series.matches("[A-Z0-9]{1,10}") || !number.matches("\\d{1,9}") || Integer.parseInt(number) < 1) {
            throw new NotFoundResponse();
        }
        Optional<ReceivedOrder> order = new Desk(pages.station().database())
                .order(new OrderNumber(series, Integer.parseInt(number)));
        return order.orElseThrow(NotFoundResponse::new);
    }

    /** A date as the browser's date field sends it (YYYY-MM-DD), or null with a problem noted. */
    private static LocalDate date(String text, List<String> problems) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add("orders.badDate");
            return null;
        }
    }
}
