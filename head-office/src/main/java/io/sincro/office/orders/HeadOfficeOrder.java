package io.sincro.office.orders;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * An order the head office enters on an agent's behalf (a phone call, the back-end's own order):
 * for one of the agent's customers, numbered in the head office's own series, never sent to the
 * agent.
 *
 * @param orderDate    null: today
 * @param backEndOrder the back-end's own reference, when it came in a file; null when typed
 */
public record HeadOfficeOrder(String agent, String customer, LocalDate orderDate, LocalDate deliveryDate,
                              String notes, List<Line> lines, String backEndOrder) {

    /** A line: the product and quantity; price and discount from the customer's prices when null. */
    public record Line(String product, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discount) {
        public Line {
            Objects.requireNonNull(product, "product");
            Objects.requireNonNull(quantity, "quantity");
        }
    }

    public HeadOfficeOrder {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(customer, "customer");
        lines = List.copyOf(lines);
    }
}
