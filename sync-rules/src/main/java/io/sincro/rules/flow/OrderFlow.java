package io.sincro.rules.flow;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import io.sincro.db.Change;
import io.sincro.db.Origin;
import io.sincro.db.catalog.Products;
import io.sincro.db.changes.AgentChanges;
import io.sincro.db.changes.ChangeSource;
import io.sincro.db.customers.Customers;
import io.sincro.db.orders.Order;
import io.sincro.db.orders.OrderNumber;
import io.sincro.db.orders.OrderStatus;
import io.sincro.db.orders.OrderStatuses;
import io.sincro.db.orders.OrderWithLines;
import io.sincro.db.orders.Orders;
import io.sincro.db.orders.StatusChange;
import io.sincro.db.orders.StatusChangeRefusedException;
import io.sincro.db.orders.SubmittedOrder;
import io.sincro.format.Entity;
import io.sincro.format.PackageRefusedException;
import io.sincro.format.PackageRefusedException.Reason;
import io.sincro.format.rows.OrderStatusUpdate;
import io.sincro.format.rows.PackageRows;
import io.sincro.format.rows.Section;

/**
 * Orders go from an agent to the head office only, and only once submitted (drafts stay on the
 * laptop). The head office keeps the agent's series and number, so an order never changes identity;
 * the same order arriving twice is stored once. What happens to it afterwards (received, accepted,
 * shipped...) goes back to the agent as its status, whole: reason, expected delivery, when and by
 * whom. Orders the head office entered on an agent's behalf are never sent to the agent.
 */
final class OrderFlow {

    /** What an agent's order may be in when it travels: submitted, or already sent once. */
    private static final EnumSet<io.sincro.format.rows.OrderStatus> TRAVELLING = EnumSet.of(
            io.sincro.format.rows.OrderStatus.SUBMITTED, io.sincro.format.rows.OrderStatus.SENT);

    private final Orders orders = new Orders();
    private final OrderStatuses statuses = new OrderStatuses();
    private final Customers customers = new Customers();
    private final Products products = new Products();

    /** The most orders, and about the most lines, read before a slice is stored. */
    static final int SLICE_ORDERS = 500;
    static final int SLICE_LINES = 5_000;

    /**
     * To the head office: this agent's submitted orders changed above {@code since}, with their lines,
     * in the order of those changes, as many as one package may carry ({@code limits}: its orders and
     * lines; an order is never split, and one order larger than the lines allowed is refused with
     * {@link OrderTooLargeException}, since the head office would refuse its package). One the
     * head office took further since (received, accepted...) travels as sent: it goes again only to a
     * head office restored from a backup that lost it, which receives it as any sent order.
     *
     * @return the change number of the last order written when more were left for the next package;
     *         empty when every order went
     */
    OptionalLong sendOrders(Connection c, String agent, long since, ValueLimits limits, PackageRows out)
            throws SQLException {
        int written = 0;
        long lines = 0;
        long last = 0;
        try (Orders.SubmittedCursor cursor = orders.submittedChangedSince(c, agent, since)) {
            for (SubmittedOrder next = cursor.next(); next != null; next = cursor.next()) {
                if (next.lines().size() > limits.maxLines()) {
                    // the head office would refuse such a package, and the agent's later orders wait behind it
                    String number = next.order().number().toString();
                    throw new OrderTooLargeException(String.format(Locale.ROOT, "order %s has %,d lines, more than"
                            + " the %,d one package may carry (sync.maxLinesPerPackage), so nothing was sent;"
                            + " withdraw it (sincro order withdraw %s), enter it as smaller orders and sync again",
                            number, next.lines().size(), limits.maxLines(), number));
                }
                if (written > 0 && (written == limits.maxOrders() || lines + next.lines().size() > limits.maxLines())) {
                    return OptionalLong.of(last);
                }
                io.sincro.format.rows.Order row = RowMapping.toPackage(next.order(), next.lines());
                out.order(TRAVELLING.contains(row.status()) ? row : new io.sincro.format.rows.Order(row.number(),
                        row.agentCode(), row.customerCode(), io.sincro.format.rows.OrderStatus.SENT, row.orderDate(),
                        row.deliveryDate(), row.notes(), row.createdAt(), row.lines()));
                written++;
                lines += next.lines().size();
                last = next.changeSeq();
            }
        }
        return OptionalLong.empty();
    }

    /** To an agent: the status of the orders it entered (never those entered for it), changed above {@code since}. */
    void sendStatuses(Connection c, String agent, long since, PackageRows out) throws SQLException {
        statuses.ofAgentChangedSince(c, agent, since, status -> out.orderStatus(RowMapping.toPackage(status)));
    }

    /** What {@link #sendStatuses} selects above {@code since}, for every agent at once (the two select alike). */
    AgentChanges statusChangesToAgents(Connection c, long since) throws SQLException {
        return statuses.changesOfAgentsSince(c, since);
    }

    /**
     * At the head office: an agent's orders section, each order stored once; receiving it is the head
     * office's first step. Taken a slice at a time ({@link #SLICE_ORDERS} orders or
     * {@link #SLICE_LINES} lines, so a package is never held whole): one read of the slice's
     * customers, products and orders already here, then each order checked in turn as if it came
     * alone ({@code values}' bounds, then the flow rules, then its references), then the slice's
     * new orders inserted already RECEIVED (their history saying both steps), their lines and
     * histories, one statement each. The first order refused refuses the package, naming it.
     */
    void receive(Connection c, Section section, ValueRules values, Arrival a, Tallies t) throws SQLException {
        Set<OrderNumber> seen = new HashSet<>();
        List<io.sincro.format.rows.Order> slice = new ArrayList<>();
        while (section.peek() != null) {
            slice.clear();
            long lines = 0;
            while (slice.size() < SLICE_ORDERS && lines < SLICE_LINES && section.peek() != null) {
                Object item = section.take();
                if (!(item instanceof io.sincro.format.rows.Order order)) {
                    throw new IllegalArgumentException("not an order: " + item.getClass().getName());
                }
                slice.add(order);
                lines += order.lines().size();
            }
            receiveSlice(c, slice, seen, values, a, t);
        }
    }

    private void receiveSlice(Connection c, List<io.sincro.format.rows.Order> slice, Set<OrderNumber> seen,
                              ValueRules values, Arrival a, Tallies t) throws SQLException {
        String agent = a.agent();
        Set<String> customerCodes = new HashSet<>();
        Set<String> productCodes = new HashSet<>();
        Set<Integer> numbers = new HashSet<>();
        for (io.sincro.format.rows.Order order : slice) {
            customerCodes.add(order.customerCode());
            order.lines().forEach(line -> productCodes.add(line.productCode()));
            if (agent.equals(order.number().series())) {
                numbers.add(order.number().number());
            }
        }
        Map<String, Optional<String>> agentOf = customers.agentsOf(c, customerCodes);
        Set<String> products = this.products.existing(c, productCodes);
        Set<Integer> here = orders.existing(c, agent, numbers);
        List<OrderWithLines> inserts = new ArrayList<>();
        List<StatusChange> received = new ArrayList<>();
        for (io.sincro.format.rows.Order order : slice) {
            values.check(order);
            if (!agent.equals(order.number().series()) || !agent.equals(order.agentCode())
                    || !TRAVELLING.contains(order.status())) {
                throw new PackageRefusedException(Reason.RULE_VIOLATED, "package " + a.where() + " from agent " + agent
                        + " carries order " + order.number() + " of agent " + order.agentCode() + " in status "
                        + order.status() + ", but an agent sends only its own submitted orders, in its own series "
                        + agent + "; it was refused, check that agent's station");
            }
            Optional<String> owner = agentOf.get(order.customerCode());
            if (owner != null && !owner.equals(Optional.of(agent))) {
                throw new PackageRefusedException(Reason.RULE_VIOLATED, "package " + a.where() + "'s order "
                        + order.number() + " is for customer " + order.customerCode() + ", who is "
                        + (owner.isEmpty() ? "assigned to no agent" : "agent " + owner.get() + "'s")
                        + ", and an agent orders only for its own customers; the package was refused and changes"
                        + " nothing");
            }
            OrderNumber number = RowMapping.toDatabase(order.number());
            if (here.contains(number.number()) || !seen.add(number)) {
                t.ignored(Entity.ORDERS, number.toString(), "already received; stored once");
                continue;
            }
            if (owner == null) {
                throw new PackageRefusedException(Reason.RULE_VIOLATED, "package " + a.where() + "'s order "
                        + order.number() + " refers to customer " + order.customerCode() + ", which this station"
                        + " does not have; import the packages before it, or ask for a full package");
            }
            Set<Integer> lineNumbers = new HashSet<>();
            for (io.sincro.format.rows.OrderLine line : order.lines()) {
                if (!lineNumbers.add(line.lineNo())) {
                    throw new PackageRefusedException(Reason.RULE_VIOLATED, "package " + a.where() + "'s order "
                            + order.number() + " has line " + line.lineNo() + " twice, where each line of an"
                            + " order has its own number; the package is set aside, ask the agent to sync again");
                }
                if (!products.contains(line.productCode())) {
                    throw new PackageRefusedException(Reason.RULE_VIOLATED, "package " + a.where() + "'s order "
                            + order.number() + " line " + line.lineNo() + " refers to product " + line.productCode()
                            + ", which this station does not have; import the packages before it (the catalog"
                            + " first), or ask for a full package");
                }
            }
            inserts.add(new OrderWithLines(new Order(number, agent, order.customerCode(), Origin.AGENT,
                    RowMapping.toDatabase(order.status()), order.orderDate(), order.deliveryDate(), order.notes(),
                    order.createdAt()), RowMapping.linesOf(order)));
            // stamped as a local change: RECEIVED is the first news the agent gets back
            received.add(new StatusChange(number, OrderStatus.RECEIVED, null, null, a.now(), a.self()));
        }
        // stored as arrived, then RECEIVED: each order written once, already in the status it takes
        orders.insertAllTaking(c, inserts, received);
        for (int i = 0; i < inserts.size(); i++) {
            t.count(Entity.ORDERS, Change.INSERTED);
        }
    }

    /**
     * At an agent: what the head office says about one of its orders, taken as the head office set
     * it (its time, not the import's). A status that may not follow the order's own is not applied.
     */
    void receive(Connection c, OrderStatusUpdate update, Arrival a, Tallies t) throws SQLException {
        StatusChange reported = RowMapping.toDatabase(update, a.header().sender(), a.now());
        OrderNumber number = reported.number();
        if (reported.side() != Origin.HEAD_OFFICE) {
            throw new PackageRefusedException(Reason.RULE_VIOLATED, "package " + a.where() + " carries the status"
                    + " of order " + number + " as set by " + reported.changedBy() + ", but only the head office's"
                    + " statuses travel to an agent; it was refused, check the head office's station");
        }
        Optional<Order> here = orders.find(c, number);
        if (here.isEmpty() || here.get().origin() != Origin.AGENT) {
            t.ignored(Entity.ORDER_STATUSES, number.toString(), "this station has no such order of its own;"
                    + " the status was not applied");
            return;
        }
        try {
            t.count(Entity.ORDER_STATUSES, statuses.change(c, reported, ChangeSource.RECEIVED));
        } catch (StatusChangeRefusedException e) {
            t.ignored(Entity.ORDER_STATUSES, number.toString(), e.getMessage() + "; the status was not applied");
        }
    }
}
