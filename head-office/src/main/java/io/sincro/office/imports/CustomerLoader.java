package io.sincro.office.imports;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.sincro.db.Change;
import io.sincro.db.Origin;
import io.sincro.db.agents.Agent;
import io.sincro.db.agents.Agents;
import io.sincro.db.catalog.PriceList;
import io.sincro.db.catalog.PriceLists;
import io.sincro.db.changes.SharedStamp;
import io.sincro.db.customers.Customer;
import io.sincro.db.customers.CustomerCodes;
import io.sincro.db.customers.Customers;

/**
 * customers.csv: code, name, vat_number, address, city, email, phone, agent, price_list. Codes of
 * the shape an agent station gives its own customers (A01-00042) are refused unless the customer
 * came from that agent: otherwise the head office could take a code the agent will hand out.
 */
final class CustomerLoader implements TableLoader<Customer> {

    private final Customers customers = new Customers();
    private final Agents agents = new Agents();
    private final PriceLists priceLists = new PriceLists();
    private final SortedLookup<Customer, Customer> stored = new SortedLookup<>(
            (c, first) -> customers.inCodeOrder(c, first.code()), (c, row) -> customers.find(c, row.code()),
            row -> Key.of(row.code()), row -> Key.of(row.code()), false);
    private final Instant now;
    /** The codes of the agents and price lists the head office holds, read once (a few hundred at most). */
    private Set<String> agentCodes;
    private Set<String> priceListCodes;
    private boolean empty;

    CustomerLoader(Instant now) {
        this.now = now;
    }

    @Override
    public List<String> requiredColumns() {
        return List.of("code", "name");
    }

    @Override
    public List<String> optionalColumns() {
        return List.of("vat_number", "address", "city", "email", "phone", "agent", "price_list");
    }

    /** The customer as the file gives it, as new: {@link #save} keeps a stored one's origin and creation time. */
    @Override
    public Customer read(Connection c, CsvLine line) throws SQLException {
        String code = line.code("code", 20);
        String agent = line.optionalText("agent", 10);
        if (agent != null && !agentCodes(c).contains(agent)) {
            throw line.problem("agent", "unknown agent " + agent + "; import it with the agents first");
        }
        String priceList = line.optionalText("price_list", 20);
        if (priceList != null && !priceListCodes(c).contains(priceList)) {
            throw line.problem("price_list", "unknown price list " + priceList + "; import the price lists first");
        }
        String email = line.optionalText("email", 254);
        if (email != null && !email.contains("@")) {
            throw line.problem("email", "'" + email + "' is not an e-mail address");
        }
        return new Customer(code, line.text("name", 120), line.optionalText("vat_number", 20),
                line.optionalText("address", 200), line.optionalText("city", 80), email,
                line.optionalText("phone", 40), agent, priceList, Origin.HEAD_OFFICE, now);
    }

    private Set<String> agentCodes(Connection c) throws SQLException {
        if (agentCodes == null) {
            agentCodes = new HashSet<>();
            for (Agent agent : agents.all(c)) {
                agentCodes.add(agent.code());
            }
        }
        return agentCodes;
    }

    private Set<String> priceListCodes(Connection c) throws SQLException {
        if (priceListCodes == null) {
            priceListCodes = new HashSet<>();
            for (PriceList list : priceLists.all(c)) {
                priceListCodes.add(list.code());
            }
        }
        return priceListCodes;
    }

    @Override
    public String key(Customer row) {
        return row.code();
    }

    @Override
    public String keyColumn() {
        return "code";
    }

    @Override
    public void open(Connection c) throws SQLException {
        empty = customers.isEmpty(c);
    }

    /** A code of an agent's own series is new to the head office only when that agent's station made it. */
    @Override
    public Verdict classify(Connection c, Customer row, CsvLine line) throws SQLException {
        Optional<Customer> existing = empty ? Optional.empty() : stored.find(c, row);
        if (existing.isEmpty()) {
            Optional<String> seriesOwner = CustomerCodes.ownerOf(row.code());
            if (seriesOwner.isPresent()) {
                throw line.problem("code", row.code() + " has the shape of agent " + seriesOwner.get()
                        + "'s own customer codes, which only that agent's station may create; give the customer another code");
            }
            return Verdict.NEW;
        }
        return existing.get().sameDataAs(row) ? Verdict.SAME : Verdict.CHANGED;
    }

    @Override
    public long insert(Connection c, Iterator<Customer> rows, Instant now, long stamp) throws SQLException {
        return customers.load(c, rows, now, stamp);
    }

    @Override
    public void close() throws SQLException {
        stored.close();
    }

    /** As a line on its own is stored, with a change number of its own. */
    @Override
    public Change update(Connection c, Customer row, Instant now, SharedStamp stamp) throws SQLException {
        return customers.save(c, row, now);
    }
}
