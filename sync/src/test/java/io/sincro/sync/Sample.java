package io.sincro.sync;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import io.sincro.db.Origin;
import io.sincro.db.orders.Order;
import io.sincro.db.orders.OrderLine;
import io.sincro.db.orders.OrderNumber;
import io.sincro.db.orders.OrderStatus;
import io.sincro.db.prices.SpecialPrice;
import io.sincro.db.testing.Rows;
import io.sincro.format.PackageHeader;
import io.sincro.format.PackageKind;
import io.sincro.format.PackageStream;

/** Builders for package-level test data, on top of the database's {@link Rows}. */
public final class Sample {

    public static final Instant T0 = Rows.T0;

    private Sample() {
    }

    /** A header with no counts (the writer fills them in). */
    public static PackageHeader header(PackageStream stream, long sequence) {
        return new PackageHeader(PackageHeader.FORMAT_VERSION, stream, sequence, PackageKind.FULL, 0, T0,
                OffsetDateTime.parse("2026-03-02T09:00:00+01:00"), List.of(), List.of());
    }

    public static SpecialPrice specialPrice(String customer, String product, String price, Instant at, String by) {
        return new SpecialPrice(customer, product, new BigDecimal(price), new BigDecimal("0.00"), at, by);
    }

    /** A submitted order of agent {@code agent}, number {@code number}, one line per product. */
    public static Order order(String agent, int number, String customer, OrderStatus status) {
        return new Order(new OrderNumber(agent, number), agent, customer, Origin.AGENT, status,
                LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 9), "ring before delivery", T0);
    }

    public static List<OrderLine> lines(String... products) {
        OrderLine[] lines = new OrderLine[products.length];
        for (int i = 0; i < products.length; i++) {
            lines[i] = new OrderLine(i + 1, products[i], new BigDecimal("2.000"), new BigDecimal("10.5000"),
                    new BigDecimal("5.00"));
        }
        return List.of(lines);
    }
}
