package io.sincro.office.desk;

import java.time.LocalDate;

import io.sincro.db.orders.OrderStatus;

/**
 * Which orders to list: any filter may be null (no filter); the dates bound the order date, both
 * included; at most {@code limit} orders, newest first.
 */
public record OrderQuery(String agent, OrderStatus status, LocalDate from, LocalDate to, int limit) {

    public OrderQuery {
        if (limit < 1) {
            throw new IllegalArgumentException("--limit must be at least 1, not " + limit);
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("--from " + from + " is after --to " + to
                    + "; give the earlier date first");
        }
    }
}
