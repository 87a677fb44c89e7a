package io.sincro.web.agent.orders;

import java.util.List;

import io.sincro.agent.orders.OrderDetails;
import io.sincro.agent.orders.OrderStatusReport;
import io.sincro.agent.orders.StockWarning;
import io.sincro.db.orders.OrderStatus;

/**
 * One order's page: the order with its lines, the lines over the stock, where it stands, and what
 * the last action said.
 *
 * @param status where it stands (null for a draft)
 * @param problems the check's problems (null unless checked)
 * @param problem what the last action could not do (null when none)
 * @param notice what the last action did (null when none)
 */
public record OrderView(OrderDetails details, List<StockWarning> warnings, OrderStatusReport status,
                        List<String> problems, String problem, String notice) {

    public boolean draft() {
        return details.order().status() == OrderStatus.DRAFT;
    }

    public boolean submitted() {
        return details.order().status() == OrderStatus.SUBMITTED;
    }

    /** The order's address: /orders/A01/42. */
    public String path() {
        return OrderPages.path(details.order().number());
    }

    /** The stock warning of line {@code lineNo}, or null. */
    public StockWarning warningOf(int lineNo) {
        return warnings.stream().filter(w -> w.lineNo() == lineNo).findFirst().orElse(null);
    }
}
