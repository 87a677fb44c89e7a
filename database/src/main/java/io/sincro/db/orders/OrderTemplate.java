package io.sincro.db.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A named list of products and quantities an agent orders again and again (seed 000's order
 * templates). It holds no customer and no prices: an order made from it is priced for its customer
 * on the day. {@code sourceOrder} is the order it was saved from, for the agent's reference.
 */
public record OrderTemplate(String name, String sourceOrder, Instant createdAt, List<Line> lines) {

    /** Template names: what an agent types on the command line, such as "weekly-hardware". */
    public static final int MAX_NAME_LENGTH = 40;

    public OrderTemplate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        lines = List.copyOf(lines);
    }

    /** One product and its quantity. */
    public record Line(int lineNo, String productCode, BigDecimal quantity) {

        public Line {
            Objects.requireNonNull(productCode, "productCode");
            Objects.requireNonNull(quantity, "quantity");
        }
    }
}
