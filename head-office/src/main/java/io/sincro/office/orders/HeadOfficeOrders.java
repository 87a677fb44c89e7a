package io.sincro.office.orders;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.sincro.db.CodeSeries;
import io.sincro.db.Database;
import io.sincro.db.Origin;
import io.sincro.db.Station;
import io.sincro.db.agents.Agents;
import io.sincro.db.catalog.PriceLists;
import io.sincro.db.catalog.Product;
import io.sincro.db.catalog.Products;
import io.sincro.db.customers.Customer;
import io.sincro.db.customers.Customers;
import io.sincro.db.orders.Order;
import io.sincro.db.orders.OrderLine;
import io.sincro.db.orders.OrderNumber;
import io.sincro.db.orders.OrderStatus;
import io.sincro.db.orders.Orders;
import io.sincro.db.prices.SpecialPrice;
import io.sincro.db.prices.SpecialPrices;

/**
 * Orders the head office enters on an agent's behalf: numbered in its own series (HQ/000001), so
 * they never clash with an agent's; stored as RECEIVED, the head office's first step, and never sent
 * to the agent (the sync sends agents the status only of orders they entered). A line without a
 * price takes the customer's special price, else its price list's.
 */
public final class HeadOfficeOrders {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int MAX_NOTES = 1000;

    private final Orders orders = new Orders();
    private final Customers customers = new Customers();
    private final Agents agents = new Agents();
    private final Products products = new Products();
    private final SpecialPrices specialPrices = new SpecialPrices();
    private final PriceLists priceLists = new PriceLists();
    private final CodeSeries series = new CodeSeries();

    /** Enters the order in its own transaction; returns it as stored. */
    public Order enter(Database company, HeadOfficeOrder wanted) {
        if (!company.station().isHeadOffice()) {
            throw new OrderException("orders are entered for an agent at the head office, and " + company
                    + " belongs to " + company.station() + "; run the command with the head office's settings");
        }
        Instant now = company.clock().instant();
        return company.inTransaction(c -> enter(c, wanted, now, company.clock().getZone()));
    }

    /**
     * Enters the order inside the caller's transaction; returns it as stored. Without an order date
     * it is dated the day {@code now} is in {@code zone}.
     */
    public Order enter(Connection c, HeadOfficeOrder wanted, Instant now, ZoneId zone) throws SQLException {
        if (agents.find(c, wanted.agent()).isEmpty()) {
            throw new OrderException("there is no agent " + wanted.agent() + "; 'sincro hq agents' lists them");
        }
        Customer customer = customers.find(c, wanted.customer()).orElseThrow(() -> new OrderException(
                "there is no customer " + wanted.customer() + "; 'sincro hq customers list --search TEXT' finds one"));
        if (!wanted.agent().equals(customer.agentCode())) {
            throw new OrderException("customer " + customer.code() + " is assigned to "
                    + (customer.agentCode() == null ? "no agent" : "agent " + customer.agentCode()) + ", not to agent "
                    + wanted.agent() + "; enter the order for the customer's agent");
        }
        if (wanted.lines().isEmpty()) {
            throw new OrderException("the order has no line; give at least one product and quantity");
        }
        if (wanted.notes() != null && wanted.notes().length() > MAX_NOTES) {
            throw new OrderException("the notes are " + wanted.notes().length() + " characters long; at most "
                    + MAX_NOTES + " fit");
        }
        List<OrderLine> lines = new ArrayList<>();
        for (HeadOfficeOrder.Line line : wanted.lines()) {
            lines.add(line(c, customer, lines.size() + 1, line));
        }
        LocalDate date = wanted.orderDate() != null ? wanted.orderDate() : LocalDate.ofInstant(now, zone);
        if (wanted.deliveryDate() != null && wanted.deliveryDate().isBefore(date)) {
            throw new OrderException("the delivery date " + wanted.deliveryDate() + " is before the order date " + date
                    + "; give a later one");
        }
        OrderNumber number = new OrderNumber(Station.HEAD_OFFICE_SERIES,
                Math.toIntExact(series.next(c, CodeSeries.ORDERS)));
        Order order = new Order(number, wanted.agent(), customer.code(), Origin.HEAD_OFFICE, OrderStatus.RECEIVED,
                date, wanted.deliveryDate(), wanted.notes(), now);
        orders.insert(c, order, lines);
        if (wanted.backEndOrder() != null) {
            orders.setBackEndOrder(c, number, wanted.backEndOrder());
        }
        return order;
    }

    /**
     * Adds a line to an order the head office entered (one more line of a back-end's order in a
     * file), priced as {@link #enter} prices one; returns it as stored.
     */
    public OrderLine addLine(Connection c, OrderNumber number, HeadOfficeOrder.Line line, Instant now)
            throws SQLException {
        Order order = orders.find(c, number).orElseThrow(() -> new OrderException("there is no order " + number));
        Customer customer = customers.find(c, order.customerCode()).orElseThrow();
        int lineNo = orders.lines(c, number).size() + 1;
        return orders.addLine(c, number, line(c, customer, lineNo, line), now);
    }

    /** The head office's order that the back-end's reference names, if one was entered from it. */
    public Optional<OrderNumber> fromBackEnd(Connection c, String backEndOrder) throws SQLException {
        return orders.findByBackEndOrder(c, backEndOrder);
    }

    private OrderLine line(Connection c, Customer customer, int lineNo, HeadOfficeOrder.Line line) throws SQLException {
        Optional<Product> product = products.find(c, line.product());
        if (product.isEmpty()) {
            throw new OrderException("line " + lineNo + ": there is no product " + line.product()
                    + "; check the code against the products loaded");
        }
        if (!product.get().active()) {
            throw new OrderException("line " + lineNo + ": product " + line.product()
                    + " is withdrawn; order another product");
        }
        if (line.quantity().signum() <= 0) {
            throw new OrderException("line " + lineNo + ": the quantity must be more than 0, not "
                    + line.quantity().toPlainString());
        }
        BigDecimal price = line.unitPrice();
        BigDecimal discount = line.discount();
        if (price == null) {
            Optional<SpecialPrice> special = specialPrices.find(c, customer.code(), line.product());
            if (special.isPresent()) {
                price = special.get().price();
                discount = discount != null ? discount : special.get().discount();
            } else if (customer.priceListCode() != null) {
                price = priceLists.price(c, customer.priceListCode(), line.product()).orElse(null);
            }
            if (price == null) {
                throw new OrderException("line " + lineNo + ": customer " + customer.code() + " has no price for "
                        + line.product() + " (no special price, and its price list has none); give the price");
            }
        }
        if (price.signum() < 0) {
            throw new OrderException("line " + lineNo + ": the price must not be negative");
        }
        discount = discount == null ? BigDecimal.ZERO : discount;
        if (discount.signum() < 0 || discount.compareTo(HUNDRED) > 0) {
            throw new OrderException("line " + lineNo + ": the discount must be between 0 and 100 percent, not "
                    + discount.toPlainString());
        }
        return new OrderLine(lineNo, line.product(), line.quantity(), price, discount);
    }
}
