package io.sincro.web.office.orders;

import java.util.List;

import io.sincro.db.orders.OrderStatus;
import io.sincro.office.desk.ReceivedOrder;

/**
 * One order, and the form that sets its status: only the statuses it may take now, the last
 * values sent (when they were refused), the key of the sentence saying they were refused (null:
 * nothing refused) and the rule that refused them (null: none to add).
 */
public record OrderView(ReceivedOrder order, List<OrderStatus> next, String status, String reason, String expected,
                        String problem, String detail) {

    public OrderView {
        next = List.copyOf(next);
    }

    /** The path of this order's page, such as /orders/A01/1. */
    public String path() {
        return "/orders/" + order.order().number().series() + "/" + order.order().number().number();
    }
}
