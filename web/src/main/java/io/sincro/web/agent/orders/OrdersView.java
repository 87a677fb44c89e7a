package io.sincro.web.agent.orders;

import java.util.List;
import java.util.Map;

import io.sincro.agent.orders.OrderStatusReport;
import io.sincro.agent.orders.OrderSummary;

/** The list of orders, newest first, each with where it stands once it left the drafts (by order number). */
public record OrdersView(List<OrderSummary> orders, Map<String, OrderStatusReport> statuses) {

    public OrderStatusReport statusOf(OrderSummary summary) {
        return statuses.get(summary.order().number().toString());
    }

    public String path(OrderSummary summary) {
        return OrderPages.path(summary.order().number());
    }
}
