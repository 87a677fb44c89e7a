package io.sincro.bench.company;

import java.util.List;

/** An order an agent will enter at its station: for which customer, which products, how many. */
public record PlannedOrder(String customerCode, List<PlannedLine> lines) {

    public PlannedOrder {
        lines = List.copyOf(lines);
    }

    /** One line: a product and a whole quantity (the price is the customer's effective one). */
    public record PlannedLine(String productCode, int quantity) {
    }
}
