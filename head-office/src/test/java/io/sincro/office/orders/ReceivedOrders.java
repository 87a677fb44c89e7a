package io.sincro.office.orders;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.sincro.db.Database;
import io.sincro.db.Origin;
import io.sincro.db.orders.Order;
import io.sincro.db.orders.OrderLine;
import io.sincro.db.orders.OrderNumber;
import io.sincro.db.orders.OrderStatus;
import io.sincro.db.orders.Orders;

/** Orders as the head office holds them once an agent's sync delivered them. */
public final class ReceivedOrders {

    private ReceivedOrders() {
    }

    public static OrderNumber receive(Database company, String agent, int number, String customer, String... products) {
        OrderNumber id = new OrderNumber(agent, number);
        company.useTransaction(c -> {
            List<OrderLine> lines = new java.util.ArrayList<>();
            for (int i = 0; i < products.length; i++) {
                lines.add(new OrderLine(i + 1, products[i], new BigDecimal("2"), new BigDecimal("10.50"), BigDecimal.ZERO));
            }
            new Orders().insert(c, new Order(id, agent, customer, Origin.AGENT, OrderStatus.RECEIVED,
                    LocalDate.of(2026, 3, 2), null, "before noon, please", company.clock().instant()), lines);
        });
        return id;
    }
}
