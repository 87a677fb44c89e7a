package io.sincro.agent.orders;

import java.util.List;
import java.util.Objects;

/**
 * A draft made from another order or from a template, and the lines that could not come along
 * (product inactive, no price for this customer), each as a sentence saying why.
 */
public record DraftOrder(OrderDetails details, List<String> leftOut) {

    public DraftOrder {
        Objects.requireNonNull(details, "details");
        leftOut = List.copyOf(leftOut);
    }
}
