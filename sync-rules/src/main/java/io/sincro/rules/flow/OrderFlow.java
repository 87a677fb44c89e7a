package io.sincro.rules.flow;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;

import io.sincro.db.Change;
import io.sincro.db.Origin;
import io.sincro.db.changes.ChangeSource;
import io.sincro.db.orders.Order;
import io.sincro.db.orders.OrderNumber;
import io.sincro.db.orders.OrderStatus;
import io.sincro.db.orders.Orders;
import io.sincro.format.Entity;
import io.sincro.format.PackageRefusedException.Reason;
import io.sincro.format.PackageRefusedException;
import io.sincro.format.rows.OrderStatusUpdate;
import io.sincro.format.rows.PackageRows;

/**
 * Orders go from an agent to the head office only, and only once submitted (drafts stay on the
 * laptop). The head office keeps the agent's series and number, so an order never changes identity;
 * the same order arriving twice is stored once. What happens to it afterwards (received, accepted,
 * shipped...) goes back to the agent as its status. Orders the head office entered on an agent's
 * behalf are never sent to the agent.
 */
final class OrderFlow {

    /** What an agent's order may be in when it travels: submitted, or already sent once. */
    private static final EnumSet<io.sincro.format.rows.OrderStatus> TRAVELLING = EnumSet.of(
            io.sincro.format.rows.OrderStatus.SUBMITTED, io.sincro.format.rows.OrderStatus.SENT);

    private final Orders orders = new Orders();

    /** To the head office: this agent's submitted orders changed above {@code since}, with their lines. */
    void sendOrders(Connection c, long since, PackageRows out) throws SQLException {
        orders.submittedChangedSince(c, since,
                order -> out.order(RowMapping.toPackage(order, orders.lines(c, order.number()))));
    }

    /** To an agent: the status of the orders it entered (never those entered for it), changed above {@code since}. */
    void sendStatuses(Connection c, String agent, long since, PackageRows out) throws SQLException {
        orders.ofAgentChangedSince(c, agent, since, order -> out.orderStatus(new OrderStatusUpdate(
                RowMapping.toPackage(order.number()), RowMapping.toPackage(order.status()), order.statusReason())));
    }

    /** At the head office: an agent's order, stored once, as received; its status will go back. */
    void receive(Connection c, io.sincro.format.rows.Order order, Arrival a, Tallies t) throws SQLException {
        String agent = a.agent();
        if (!agent.equals(order.number().series()) || !agent.equals(order.agentCode())
                || !TRAVELLING.contains(order.status())) {
            throw new PackageRefusedException(Reason.RULE_VIOLATED, "package " + a.where() + " from agent " + agent
                    + " carries order " + order.number() + " of agent " + order.agentCode() + " in status "
                    + order.status() + ", but an agent sends only its own submitted orders, in its own series "
                    + agent + "; it was refused, check that agent's station");
        }
        OrderNumber number = RowMapping.toDatabase(order.number());
        if (orders.find(c, number).isPresent()) {
            t.ignored(Entity.ORDERS, number.toString(), "already received; stored once");
            return;
        }
        Order received = new Order(number, agent, order.customerCode(), Origin.AGENT, OrderStatus.RECEIVED,
                order.orderDate(), order.deliveryDate(), order.notes(), null, order.createdAt());
        // stamped as a local change: the status RECEIVED is the first news the agent gets back
        orders.insert(c, received, RowMapping.linesOf(order), ChangeSource.LOCAL);
        t.count(Entity.ORDERS, Change.INSERTED);
    }

    /** At an agent: what the head office says about one of its orders. */
    void receive(Connection c, OrderStatusUpdate update, Arrival a, Tallies t) throws SQLException {
        OrderNumber number = RowMapping.toDatabase(update.number());
        OrderStatus status = RowMapping.toDatabase(update.status());
        Optional<Order> here = orders.find(c, number);
        if (here.isEmpty() || here.get().origin() != Origin.AGENT) {
            t.ignored(Entity.ORDER_STATUSES, number.toString(), "this station has no such order of its own;"
                    + " the status was not applied");
            return;
        }
        if (here.get().status() == status && Objects.equals(here.get().statusReason(), update.reason())) {
            t.unchanged(Entity.ORDER_STATUSES);
            return;
        }
        orders.updateStatus(c, number, status, update.reason(), a.now(), ChangeSource.RECEIVED);
        t.count(Entity.ORDER_STATUSES, Change.UPDATED);
    }
}
