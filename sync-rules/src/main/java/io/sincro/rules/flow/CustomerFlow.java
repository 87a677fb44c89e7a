package io.sincro.rules.flow;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.sincro.db.Change;
import io.sincro.db.Origin;
import io.sincro.db.changes.AgentChanges;
import io.sincro.db.changes.ChangeSource;
import io.sincro.db.changes.Tombstone;
import io.sincro.db.changes.Tombstones;
import io.sincro.db.customers.Customer;
import io.sincro.db.customers.CustomerCodes;
import io.sincro.db.customers.Customers;
import io.sincro.db.orders.Orders;
import io.sincro.db.prices.SpecialPrices;
import io.sincro.format.Entity;
import io.sincro.format.PackageRefusedException;
import io.sincro.format.PackageRefusedException.Reason;
import io.sincro.format.PackageStream;
import io.sincro.format.rows.Deletion;
import io.sincro.format.rows.PackageRows;
import io.sincro.rules.conflicts.CustomerDifferences;

/**
 * Customers (MISSION.md, seed 003): an agent's first sync gives it all the customers assigned to
 * it; afterwards new agent customers go up, and customers newly assigned to an agent come down,
 * while one reassigned away leaves the agent as a deletion. A code that already exists is never
 * overwritten: if it arrives with different data, the difference is reported.
 */
final class CustomerFlow {

    private final Customers customers = new Customers();
    private final SpecialPrices specialPrices = new SpecialPrices();
    private final Orders orders = new Orders();
    private final Tombstones tombstones = new Tombstones();
    private final CustomerDifferences differences = new CustomerDifferences();

    /** To an agent: the customers assigned to it changed above {@code since}, after those that left it. */
    void sendToAgent(Connection c, String agent, long since, PackageRows out) throws SQLException {
        tombstones.since(c, Tombstone.Kind.CUSTOMER, agent, since, t -> out.deletion(
                new Deletion(Entity.CUSTOMERS, t.key(), null, t.deletedAt(), t.deletedBy())));
        customers.ofAgentChangedSince(c, agent, since, customer -> out.customer(RowMapping.toPackage(customer)));
    }

    /** What {@link #sendToAgent} selects above {@code since}, for every agent at once (the two select alike). */
    List<AgentChanges> changesToAgents(Connection c, long since) throws SQLException {
        return List.of(tombstones.changesOfScopesSince(c, Tombstone.Kind.CUSTOMER, since),
                customers.changesOfAgentsSince(c, since));
    }

    /** To the head office: the customers this agent created, changed above {@code since}. */
    void sendToHeadOffice(Connection c, long since, PackageRows out) throws SQLException {
        customers.createdByAgentChangedSince(c, since, customer -> out.customer(RowMapping.toPackage(customer)));
    }

    void receive(Connection c, Customer arriving, Arrival a, Tallies t) throws SQLException {
        String agent = a.agent();
        if (a.station().isHeadOffice()) {
            // an agent may only send customers of its own series, assigned to itself
            if (arriving.origin() != Origin.AGENT || !agent.equals(arriving.agentCode())
                    || CustomerCodes.numberIn(agent, arriving.code()).isEmpty()) {
                throw new PackageRefusedException(Reason.RULE_VIOLATED, "package " + a.where() + " from agent " + agent
                        + " carries customer " + arriving.code() + " (origin " + arriving.origin() + ", assigned to "
                        + arriving.agentCode() + "), but an agent sends only customers it created, coded " + agent
                        + "-NNNNN and assigned to itself; it was refused, check that agent's station");
            }
        } else if (!agent.equals(arriving.agentCode())) {
            throw new PackageRefusedException(Reason.RULE_VIOLATED, "package " + a.where() + " carries customer "
                    + arriving.code() + " assigned to " + arriving.agentCode() + ", not to this agent " + agent
                    + "; it was refused, tell the head office");
        }
        Optional<Customer> existing = customers.find(c, arriving.code());
        if (existing.isEmpty()) {
            customers.insert(c, arriving, ChangeSource.RECEIVED);
            t.count(Entity.CUSTOMERS, Change.INSERTED);
            return;
        }
        Customer here = existing.get();
        if (here.sameDataAs(arriving)) {
            differences.record(c, here.code(), List.of());
            t.unchanged(Entity.CUSTOMERS);
        } else if (!a.station().isHeadOffice() && here.agentCode() == null) {
            // a customer this agent gave up while its orders still referred to it, assigned back
            customers.save(c, arriving, a.now(), ChangeSource.RECEIVED);
            t.count(Entity.CUSTOMERS, Change.UPDATED);
            t.note(Entity.CUSTOMERS, arriving.code(), "assigned to this agent again; taken as the head office has it");
        } else {
            CustomerDifference difference = difference(here, arriving);
            differences.record(c, here.code(), difference.fields().stream()
                    .map(f -> new CustomerDifferences.Field(here.code(), f.name(), f.here(), f.arrived(),
                            a.station().isHeadOffice() ? a.agent() : PackageStream.HEAD_OFFICE, a.where(), a.now()))
                    .toList());
            t.difference(Entity.CUSTOMERS, difference);
        }
    }

    /**
     * A customer that left this agent: its special prices go; the customer goes too unless orders
     * still refer to it, in which case it stays, detached from the agent, so they remain readable.
     */
    void receiveDeletion(Connection c, Deletion d, Arrival a, Tallies t) throws SQLException {
        Optional<Customer> here = customers.find(c, d.key());
        if (here.isEmpty() || here.get().agentCode() == null) {
            t.unchanged(Entity.CUSTOMERS);
            return;
        }
        specialPrices.removeAllOf(c, d.key());
        long referring = orders.countOfCustomer(c, d.key());
        if (referring > 0) {
            customers.release(c, d.key(), a.now());
            t.note(Entity.CUSTOMERS, d.key(), "no longer assigned to this agent; kept detached because " + referring
                    + " order(s) refer to it");
        } else {
            customers.delete(c, d.key());
        }
        t.deleted(Entity.CUSTOMERS);
    }

    private static CustomerDifference difference(Customer here, Customer arrived) {
        List<CustomerDifference.Field> fields = new ArrayList<>();
        field(fields, "name", here.name(), arrived.name());
        field(fields, "vatNumber", here.vatNumber(), arrived.vatNumber());
        field(fields, "address", here.address(), arrived.address());
        field(fields, "city", here.city(), arrived.city());
        field(fields, "email", here.email(), arrived.email());
        field(fields, "phone", here.phone(), arrived.phone());
        field(fields, "agent", here.agentCode(), arrived.agentCode());
        field(fields, "priceList", here.priceListCode(), arrived.priceListCode());
        return new CustomerDifference(here.code(), fields);
    }

    private static void field(List<CustomerDifference.Field> fields, String name, String here, String arrived) {
        if (!Objects.equals(here, arrived)) {
            fields.add(new CustomerDifference.Field(name, here, arrived));
        }
    }
}
