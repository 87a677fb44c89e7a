package io.sincro.bench.sync;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

import io.sincro.agent.AgentStation;
import io.sincro.agent.orders.NewLine;
import io.sincro.bench.company.PlannedOrder;
import io.sincro.db.Database;
import io.sincro.db.orders.Order;

/**
 * An agent at work: enters its planned orders at its station, each line at the customer's
 * effective price, and submits them to the outbound queue the next sync empties.
 */
public final class OrderEntry {

    private final Clock clock;

    public OrderEntry(Clock clock) {
        this.clock = clock;
    }

    /** Returns the rows entered: orders and their lines. */
    public long enter(Database station, List<PlannedOrder> orders) {
        AgentStation agent = new AgentStation(station, clock);
        long rows = 0;
        for (PlannedOrder planned : orders) {
            Order order = agent.orders().create(planned.customerCode(), null);
            for (PlannedOrder.PlannedLine line : planned.lines()) {
                agent.orders().addLine(order.number(), NewLine.of(line.productCode(), BigDecimal.valueOf(line.quantity())));
            }
            agent.orders().submit(order.number());
            rows += 1 + planned.lines().size();
        }
        return rows;
    }
}
