package io.sincro.agent.orders;

import io.sincro.db.orders.OrderStatus;

/**
 * Which orders to list: a status and a customer, each ignored when null, and at most {@code limit}
 * orders, newest first.
 */
public record OrderFilter(OrderStatus status, String customerCode, int limit) {

    /** Enough for any agent's history on one screen or in one export. */
    public static final int DEFAULT_LIMIT = 10_000;

    public OrderFilter {
        if (limit < 1) {
            throw new IllegalArgumentException("an order list shows at least one order, not " + limit);
        }
    }

    public static OrderFilter all() {
        return new OrderFilter(null, null, DEFAULT_LIMIT);
    }

    public OrderFilter withStatus(OrderStatus wanted) {
        return new OrderFilter(wanted, customerCode, limit);
    }

    public OrderFilter ofCustomer(String code) {
        return new OrderFilter(status, code, limit);
    }

    public OrderFilter limitedTo(int most) {
        return new OrderFilter(status, customerCode, most);
    }
}
