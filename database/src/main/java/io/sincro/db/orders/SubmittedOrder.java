package io.sincro.db.orders;

import java.util.List;
import java.util.Objects;

/**
 * A submitted order as an agent's package carries it: the order, its lines in line order, and the
 * change number of its last local change, which says which package carries it.
 */
public record SubmittedOrder(Order order, List<OrderLine> lines, long changeSeq) {

    public SubmittedOrder {
        Objects.requireNonNull(order, "order");
        lines = List.copyOf(lines);
    }
}
