package io.sincro.agent.orders;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.sincro.db.customers.Customers;
import io.sincro.db.orders.Order;
import io.sincro.db.orders.OrderLine;
import io.sincro.db.orders.OrderNumber;
import io.sincro.db.orders.Orders;

/**
 * Orders as a list shows them: each with its customer's name, its number of lines and its total.
 * Works on the caller's open connection, so that the order list and a customer's page (its most
 * recent orders) each read them inside their own transaction.
 */
public final class OrderSummaries {

    private final Orders orders = new Orders();
    private final Customers customers = new Customers();

    /** The orders matching the filter, newest first; a customer the station does not know has none. */
    public List<OrderSummary> list(Connection c, OrderFilter filter) throws SQLException {
        Objects.requireNonNull(filter, "filter");
        List<OrderSummary> summaries = new ArrayList<>();
        List<Order> found = orders.search(c, filter.status(), filter.customerCode(), filter.limit());
        // every order's lines in one query, not one per order
        Map<OrderNumber, List<OrderLine>> linesOf = orders.linesOf(c, found.stream().map(Order::number).toList());
        Map<String, String> names = customers.names(c, found.stream().map(Order::customerCode).toList());
        for (Order order : found) {
            List<OrderLine> lines = linesOf.get(order.number());
            BigDecimal total = lines.stream().map(PricedLine::amountOf).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
            summaries.add(new OrderSummary(order, names.get(order.customerCode()), lines.size(), total));
        }
        return summaries;
    }
}
