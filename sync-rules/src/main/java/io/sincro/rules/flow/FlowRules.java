package io.sincro.rules.flow;

import static io.sincro.format.PackageStream.Direction.AGENT_TO_HEAD_OFFICE;
import static io.sincro.format.PackageStream.Direction.CATALOG;
import static io.sincro.format.PackageStream.Direction.HEAD_OFFICE_TO_AGENT;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import io.sincro.db.Station;
import io.sincro.db.changes.AgentChanges;
import io.sincro.format.Entity;
import io.sincro.format.PackageKind;
import io.sincro.format.PackageStream;
import io.sincro.format.rows.Customer;
import io.sincro.format.rows.Deletion;
import io.sincro.format.rows.Order;
import io.sincro.format.rows.OrderStatusUpdate;
import io.sincro.format.rows.PackageRows;
import io.sincro.format.rows.PriceList;
import io.sincro.format.rows.PriceListRow;
import io.sincro.format.rows.Product;
import io.sincro.format.rows.Section;
import io.sincro.format.rows.SpecialPrice;
import io.sincro.format.rows.StockLevel;

/**
 * MISSION.md's entity flow table, in code: the one place to check what travels where and what
 * importing it does. {@link #TABLE} is the table itself; each entity's behaviour lives in one class
 * next to this one, named in the table ({@link CatalogFlow}, {@link CustomerFlow},
 * {@link SpecialPriceFlow}, {@link OrderFlow}); {@link #send} and {@link #receive} only dispatch to
 * them, stream by stream, in section order.
 *
 * <p>The streams: an agent's packages to the head office ({@link Stream#fromAgent}), the head
 * office's packages to one agent ({@link Stream#toAgent}) and the shared catalog every agent reads
 * ({@link Stream#catalog}), which the head office writes once for all agents: a full package to an
 * agent carries only that agent's data, and a new agent takes the catalog from the catalog stream's
 * latest full package.
 */
public final class FlowRules {

    /** The flow table, in section order. */
    public static final List<Flow> TABLE = List.of(
            new Flow(Entity.PRICE_LISTS, Set.of(CATALOG), Set.of(),
                    "generic price lists: all of them, to every agent",
                    "inserted or updated as the head office has them (CatalogFlow)"),
            new Flow(Entity.PRODUCTS, Set.of(CATALOG), Set.of(),
                    "every product, to every agent; a withdrawn product travels inactive, never deleted",
                    "inserted or updated as the head office has them (CatalogFlow)"),
            new Flow(Entity.PRICE_LIST_ROWS, Set.of(CATALOG), Set.of(CATALOG),
                    "every row of every generic price list, to every agent; a removed row travels as a deletion",
                    "inserted, updated or deleted as the head office has them (CatalogFlow)"),
            new Flow(Entity.STOCK, Set.of(CATALOG), Set.of(CATALOG),
                    "availability of every product, to every agent; a removed row travels as a deletion",
                    "inserted, updated or deleted as the head office has them (CatalogFlow)"),
            new Flow(Entity.CUSTOMERS, Set.of(AGENT_TO_HEAD_OFFICE, HEAD_OFFICE_TO_AGENT), Set.of(HEAD_OFFICE_TO_AGENT),
                    "to an agent: the customers assigned to it (first sync: all of them; a customer reassigned away"
                            + " travels as a deletion); to the head office: the customers the agent created",
                    "a new code is inserted; a known code with the same data changes nothing; a known code with"
                            + " different data is not overwritten, the difference is reported (CustomerFlow)"),
            new Flow(Entity.SPECIAL_PRICES, Set.of(AGENT_TO_HEAD_OFFICE, HEAD_OFFICE_TO_AGENT),
                    Set.of(AGENT_TO_HEAD_OFFICE, HEAD_OFFICE_TO_AGENT),
                    "to an agent: the special prices of its customers; to the head office: those the agent changed",
                    "the most recent change wins on both sides, a tie goes to the head office; the losing version"
                            + " is kept in the conflict table (SpecialPriceFlow)"),
            new Flow(Entity.ORDERS, Set.of(AGENT_TO_HEAD_OFFICE), Set.of(),
                    "the agent's submitted orders (never drafts), with their lines, to the head office only",
                    "stored once under the agent's own series and number, as RECEIVED; a second arrival is"
                            + " ignored (OrderFlow)"),
            new Flow(Entity.ORDER_STATUSES, Set.of(HEAD_OFFICE_TO_AGENT), Set.of(),
                    "the status of the orders the agent entered (never of orders the head office entered on its"
                            + " behalf), to that agent",
                    "the agent's order takes the status whole (reason, expected delivery, when and by whom), as"
                            + " the head office set it; an order the agent does not have, or a status that would go"
                            + " back, is ignored (OrderFlow)"));

    /** No bound on the orders of a package. */
    private static final ValueLimits UNBOUNDED = new ValueLimits(ValueLimits.defaults().maxQuantity(),
            ValueLimits.defaults().maxPrice(), ValueLimits.defaults().clockTolerance(), Integer.MAX_VALUE,
            Integer.MAX_VALUE);

    private final Station station;
    private final CatalogFlow catalog = new CatalogFlow();
    private final CustomerFlow customers = new CustomerFlow();
    private final SpecialPriceFlow specialPrices = new SpecialPriceFlow();
    private final OrderFlow orders = new OrderFlow();

    /** The rules as seen from {@code station}, which writes or reads the packages. */
    public FlowRules(Station station) {
        this.station = station;
    }

    /** The table's line for {@code entity}. */
    public static Flow of(Entity entity) {
        return TABLE.stream().filter(f -> f.entity() == entity).findFirst().orElseThrow();
    }

    /** Whether a package of {@code stream} may carry rows of {@code entity}. */
    public static boolean carries(PackageStream stream, Entity entity) {
        Flow flow = of(entity);
        return flow.rowsIn().contains(stream.direction());
    }

    /** Whether a package of {@code stream} may carry deletions of {@code entity}. */
    public static boolean carriesDeletions(PackageStream stream, Entity entity) {
        Flow flow = of(entity);
        return flow.deletionsIn().contains(stream.direction());
    }

    /** The entities a package of {@code stream} carries, in section order. */
    public static List<Entity> carriedBy(PackageStream stream) {
        List<Entity> entities = new ArrayList<>();
        for (Flow flow : TABLE) {
            if (carries(stream, flow.entity())) {
                entities.add(flow.entity());
            }
        }
        return entities;
    }

    /**
     * Writes what a package of {@code stream} carries: for a delta, what changed at this station
     * after change number {@code since}; for a full package, everything (deletions included, so a
     * station that fell behind also loses what was deleted). Every order goes in this one package,
     * however many: {@link #send(Connection, PackageStream, PackageKind, long, ValueLimits, PackageRows)}
     * stops at what one package may carry.
     */
    public void send(Connection c, PackageStream stream, PackageKind kind, long since, PackageRows out) throws SQLException {
        send(c, stream, kind, since, null, out);
    }

    /**
     * Writes what a package of {@code stream} carries, as the other {@code send} does, but no more orders
     * and lines than {@code limits} allow one package: the receiver refuses a package above them. Orders
     * go in the order of their last change, so the package holds every change up to the one it
     * returns; the rest (customers and special prices are never cut) belongs to the next package,
     * a delta after that number.
     *
     * @param limits what one package may carry; null for no bound
     * @return the change number up to which the package holds every change, when orders were left for
     *         the next package; empty when it holds everything asked for
     */
    public OptionalLong send(Connection c, PackageStream stream, PackageKind kind, long since, ValueLimits limits,
                             PackageRows out) throws SQLException {
        if (!stream.isWrittenBy(station.code())) {
            throw new IllegalArgumentException(station + " does not write stream " + stream);
        }
        long after = kind == PackageKind.FULL ? -1 : since;
        switch (stream.direction()) {
            case CATALOG -> catalog.send(c, after, out);
            case HEAD_OFFICE_TO_AGENT -> {
                customers.sendToAgent(c, stream.agentCode(), after, out);
                specialPrices.sendToAgent(c, stream.agentCode(), after, out);
                orders.sendStatuses(c, stream.agentCode(), after, out);
            }
            case AGENT_TO_HEAD_OFFICE -> {
                customers.sendToHeadOffice(c, after, out);
                specialPrices.sendToHeadOffice(c, stream.agentCode(), after, out);
                return orders.sendOrders(c, stream.agentCode(), after, limits == null ? UNBOUNDED : limits, out);
            }
        }
        return OptionalLong.empty();
    }

    /**
     * Whether a delta of {@code stream} after change number {@code since} would carry anything: it
     * runs the same selection as {@link #send}, so the two never disagree, and stops at the first
     * row or deletion found.
     */
    public boolean changedSince(Connection c, PackageStream stream, long since) throws SQLException {
        try {
            send(c, stream, PackageKind.DELTA, since, FirstRow.STOPS);
            return false;
        } catch (FirstRow found) {
            return true;
        }
    }

    /**
     * {@link #changedSince} of the head office's stream to each of {@code afterOfAgent}'s agents at
     * once: those whose delta after the change number given would carry a row or deletion. The same
     * selections as {@link #send}'s, each asked once for every agent instead of once per agent, so a
     * head office with a thousand agents and a change for ten of them asks five questions, not five
     * thousand.
     */
    public Set<String> agentsChangedSince(Connection c, Map<String, Long> afterOfAgent) throws SQLException {
        if (!station.isHeadOffice()) {
            throw new IllegalArgumentException(station + " does not write to agents");
        }
        if (afterOfAgent.isEmpty()) {
            return Set.of();
        }
        long lowest = Collections.min(afterOfAgent.values());
        List<AgentChanges> changes = new ArrayList<>(customers.changesToAgents(c, lowest));
        changes.addAll(specialPrices.changesToAgents(c, lowest));
        changes.add(orders.statusChangesToAgents(c, lowest));
        Set<String> changed = new HashSet<>();
        afterOfAgent.forEach((agent, after) -> {
            if (changes.stream().anyMatch(ch -> ch.above(agent, after))) {
                changed.add(agent);
            }
        });
        return changed;
    }

    /**
     * Ends {@link #changedSince}'s look at the first row: thrown through the repository's query loop,
     * whose statements close as it passes. Made once, without a stack trace, since it carries no error.
     */
    private static final class FirstRow extends RuntimeException implements PackageRows {

        private static final long serialVersionUID = 1L;
        static final FirstRow STOPS = new FirstRow();

        private FirstRow() {
            super("a row was found", null, false, false);
        }

        @Override
        public void priceList(PriceList list) {
            throw this;
        }

        @Override
        public void product(Product product) {
            throw this;
        }

        @Override
        public void priceListRow(PriceListRow row) {
            throw this;
        }

        @Override
        public void stockLevel(StockLevel level) {
            throw this;
        }

        @Override
        public void customer(Customer customer) {
            throw this;
        }

        @Override
        public void specialPrice(SpecialPrice price) {
            throw this;
        }

        @Override
        public void order(Order order) {
            throw this;
        }

        @Override
        public void orderStatus(OrderStatusUpdate status) {
            throw this;
        }

        @Override
        public void deletion(Deletion deletion) {
            throw this;
        }
    }

    /**
     * Where the rows of an arriving package go: each is checked against the table (a package
     * carrying what its stream may not carry is refused) and applied by its entity's rule, in the
     * caller's transaction. The receiver's {@link Receiving#receipt()} says what was done.
     */
    public Receiving receive(Connection c, Arrival arrival) {
        if (!arrival.header().stream().isReadBy(station.code())) {
            throw new IllegalArgumentException(station + " does not read stream " + arrival.header().stream());
        }
        return new Receiver(c, arrival, catalog, customers, specialPrices, orders);
    }

    /** Takes an arriving package's sections in order, and says what importing them did so far. */
    public interface Receiving {

        /** Applies a section's deletions and rows by its entity's rule, taking the section to its end. */
        void receive(Section section) throws SQLException;

        Receipt receipt();
    }
}
