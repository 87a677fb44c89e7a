package io.sincro.office.desk;

import java.math.BigDecimal;
import java.util.List;

import io.sincro.db.customers.Customer;
import io.sincro.db.orders.Order;
import io.sincro.db.orders.OrderLine;
import io.sincro.db.orders.StatusChange;

/**
 * An order as the head office holds it: its customer (absent only if deleted since), its lines,
 * the total (the sum of the lines' rounded amounts), its status as last set and every status it
 * took here, the first first.
 */
public record ReceivedOrder(Order order, Customer customer, List<OrderLine> lines, BigDecimal total,
                            StatusChange status, List<StatusChange> history) {

    public ReceivedOrder {
        lines = List.copyOf(lines);
        history = List.copyOf(history);
    }

    static BigDecimal totalOf(List<OrderLine> lines) {
        return lines.stream().map(OrderLine::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
