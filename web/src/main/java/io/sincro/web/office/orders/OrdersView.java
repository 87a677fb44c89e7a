package io.sincro.web.office.orders;

import java.util.List;

import io.sincro.db.orders.OrderStatus;
import io.sincro.office.desk.ReceivedOrder;

/**
 * The list of orders: those the filters found (newest first, at most {@code limit}), the filters as
 * typed, and the sentence saying what is wrong with one of them (null: nothing).
 */
public record OrdersView(List<ReceivedOrder> orders, int limit, String agent, String status, String from, String to,
                         String problem) {

    public OrdersView {
        orders = List.copyOf(orders);
    }

    /** Every status an order can have at the head office, for the filter. */
    public List<OrderStatus> statuses() {
        return List.of(OrderStatus.values());
    }
}
