package io.sincro.agent.orders;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sincro.agent.prices.EffectivePrice;
import io.sincro.agent.prices.Pricing;
import io.sincro.agent.work.AgentWorkException;
import io.sincro.db.CodeSeries;
import io.sincro.db.Origin;
import io.sincro.db.catalog.Product;
import io.sincro.db.catalog.Products;
import io.sincro.db.customers.Customer;
import io.sincro.db.customers.Customers;
import io.sincro.db.orders.Order;
import io.sincro.db.orders.OrderLine;
import io.sincro.db.orders.OrderNumber;
import io.sincro.db.orders.OrderStatus;
import io.sincro.db.orders.Orders;

/**
 * The rules every draft order follows, whoever makes it (a new order, a copy, a template): where
 * its number comes from, who may change it, and how its lines are priced. Works on an open
 * connection, inside the caller's transaction.
 */
final class Drafts {

    private static final Logger log = LoggerFactory.getLogger(Drafts.class);

    static final int MAX_NOTES = 1000;

    private final Clock clock;
    private final String agentCode;
    private final Orders orders = new Orders();
    private final Customers customers = new Customers();
    private final Products products = new Products();
    private final CodeSeries series = new CodeSeries();
    private final Pricing pricing = new Pricing();

    Drafts(Clock clock, String agentCode) {
        this.clock = clock;
        this.agentCode = agentCode;
    }

    String agentCode() {
        return agentCode;
    }

    Customer customer(Connection c, String code) throws SQLException {
        return customers.find(c, code).orElseThrow(() -> AgentWorkException.unknownCustomer(code));
    }

    Order order(Connection c, OrderNumber number) throws SQLException {
        return orders.find(c, number).orElseThrow(() -> new AgentWorkException("order " + number
                + " is not on this station; list the orders with 'sincro order list'"));
    }

    /** The order, if it is still a draft; otherwise an error saying why not and what to do instead. */
    Order editable(Connection c, OrderNumber number) throws SQLException {
        Order order = order(c, number);
        if (order.status().isReadOnlyAtAgent()) {
            throw readOnly(order);
        }
        return order;
    }

    static AgentWorkException readOnly(Order order) {
        String number = order.number().toString();
        String why = order.status() == OrderStatus.SUBMITTED
                ? "is submitted and waits in the outbound queue for the next sync"
                : "was sent to the head office (status " + order.status() + ")";
        return new AgentWorkException("order " + number + " " + why + ", so it can no longer be changed;"
                + " copy it with 'sincro order copy " + number + "' and change the copy");
    }

    /** A new, empty draft for {@code customer}, numbered in this station's own series. */
    Order create(Connection c, Customer customer, String notes) throws SQLException {
        String cleanNotes = notes == null || notes.isBlank() ? null : notes.strip();
        if (cleanNotes != null && cleanNotes.length() > MAX_NOTES) {
            throw new AgentWorkException("the notes have " + cleanNotes.length() + " characters, more than the "
                    + MAX_NOTES + " an order holds; shorten them");
        }
        OrderNumber number = nextNumber(c);
        Order order = new Order(number, agentCode, customer.code(), Origin.AGENT, OrderStatus.DRAFT,
                LocalDate.now(clock), null, cleanNotes, clock.instant());
        orders.insert(c, order, List.of());
        log.info("order {} created for customer {}", number, customer.code());
        return order;
    }

    /**
     * Adds lines for the wanted products and quantities, each priced for the order's customer today.
     * A line add-line would refuse (product gone or inactive, no price) is left out and reported.
     */
    DraftOrder fill(Connection c, Order order, Customer customer, List<Wanted> wanted) throws SQLException {
        List<String> leftOut = new ArrayList<>();
        for (Wanted w : wanted) {
            Optional<Product> product = products.find(c, w.productCode());
            if (product.isEmpty()) {
                leftOut.add(w.productCode() + " left out: it is no longer in the catalog");
                continue;
            }
            if (!product.get().active()) {
                leftOut.add(w.productCode() + " left out: it is inactive since the last catalog update");
                continue;
            }
            EffectivePrice price = pricing.quote(c, customer, w.productCode());
            if (!price.found()) {
                leftOut.add(w.productCode() + " left out: " + price.missingReason()
                        + "; add it with 'sincro order add-line " + order.number() + " " + w.productCode()
                        + " QTY --price P'");
                continue;
            }
            orders.addLine(c, order.number(),
                    new OrderLine(0, w.productCode(), w.quantity(), price.price(), price.discount()), clock.instant());
        }
        return new DraftOrder(details(c, order), leftOut);
    }

    OrderDetails details(Connection c, Order order) throws SQLException {
        List<OrderLine> ordered = orders.lines(c, order.number());
        // the lines' products in one statement, not one per line
        Map<String, Product> known = products.find(c, ordered.stream().map(OrderLine::productCode).toList());
        List<PricedLine> lines = new ArrayList<>();
        for (OrderLine line : ordered) {
            Product product = known.get(line.productCode());
            lines.add(PricedLine.of(line, product == null ? null : product.description()));
        }
        return OrderDetails.of(order, customerName(c, order.customerCode()), lines);
    }

    String customerName(Connection c, String code) throws SQLException {
        return customers.find(c, code).map(Customer::name).orElse(null);
    }

    private OrderNumber nextNumber(Connection c) throws SQLException {
        while (true) {
            OrderNumber number = new OrderNumber(agentCode, Math.toIntExact(series.next(c, CodeSeries.ORDERS)));
            if (orders.find(c, number).isEmpty()) {
                return number;
            }
            // The series is set past every existing number when the station is prepared; an order
            // found here means the database was restored or edited by hand. Skipping is safe: a
            // number is never reused.
            log.warn("order number {} is already taken; the station's order series was behind, taking the next", number);
        }
    }

    /** A product and quantity to put on a draft. */
    record Wanted(String productCode, BigDecimal quantity) {
    }
}
