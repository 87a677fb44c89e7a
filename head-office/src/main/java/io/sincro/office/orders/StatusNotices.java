package io.sincro.office.orders;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.sincro.db.agents.Agent;
import io.sincro.db.agents.Agents;
import io.sincro.db.customers.Customers;
import io.sincro.db.notices.Notices;
import io.sincro.db.orders.Order;
import io.sincro.db.orders.OrderStatus;
import io.sincro.db.orders.Orders;
import io.sincro.db.orders.StatusChange;

/**
 * The agent's e-mail when the head office rejects or ships one of its orders: the reason or the
 * expected delivery, for the agent's customer. Queued in the transaction that sets the status; the
 * next sync sends it. An agent without an e-mail address (agents file) gets none.
 */
public final class StatusNotices {

    private final Orders orders = new Orders();
    private final Agents agents = new Agents();
    private final Customers customers = new Customers();
    private final Notices notices = new Notices();

    /** Queues the agent's notice of {@code change}, if it is one the agent is told of by mail. */
    public void queue(Connection c, StatusChange change, Instant now) throws SQLException {
        if (change.status() != OrderStatus.REJECTED && change.status() != OrderStatus.SHIPPED) {
            return;
        }
        Optional<Order> order = orders.find(c, change.number());
        if (order.isEmpty() || order.get().agentCode() == null) {
            return;
        }
        Optional<String> email = agents.find(c, order.get().agentCode()).map(Agent::email)
                .filter(e -> e != null && !e.isBlank());
        if (email.isEmpty()) {
            return;
        }
        String customer = order.get().customerCode() + customers.find(c, order.get().customerCode())
                .map(k -> " " + k.name()).orElse("");
        String subject;
        StringBuilder body = new StringBuilder();
        if (change.status() == OrderStatus.REJECTED) {
            subject = "Sincro: order " + change.number() + " was rejected";
            body.append("The head office rejected order ").append(change.number()).append(" for ").append(customer)
                    .append(".\n\nReason: ").append(change.reason()).append('\n');
        } else {
            subject = "Sincro: order " + change.number() + " was shipped";
            body.append("The head office shipped order ").append(change.number()).append(" for ").append(customer)
                    .append(".\n\n").append(change.expectedDelivery() == null ? "No expected delivery was given."
                            : "Expected delivery: " + change.expectedDelivery() + ".")
                    .append(change.reason() == null ? "" : "\nNote: " + change.reason()).append('\n');
        }
        body.append("\nYour laptop shows it after its next sync (sincro order show ").append(change.number())
                .append(").\n");
        notices.queue(c, now, "order " + change.number(), List.of(email.get()), subject, body.toString());
    }
}
