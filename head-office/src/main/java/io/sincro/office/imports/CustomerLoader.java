package io.sincro.office.imports;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.sincro.db.Change;
import io.sincro.db.Origin;
import io.sincro.db.agents.Agents;
import io.sincro.db.catalog.PriceLists;
import io.sincro.db.customers.Customer;
import io.sincro.db.customers.CustomerCodes;
import io.sincro.db.customers.Customers;

/**
 * customers.csv: code, name, vat_number, address, city, email, phone, agent, price_list. Codes of
 * the shape an agent station gives its own customers (A01-00042) are refused unless the customer
 * came from that agent: otherwise the head office could take a code the agent will hand out.
 */
final class CustomerLoader implements RowLoader<Customer> {

    private final Customers customers = new Customers();
    private final Agents agents = new Agents();
    private final PriceLists priceLists = new PriceLists();
    private final Instant now;

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

    @Override
    public Customer read(Connection c, CsvLine line) throws SQLException {
        String code = line.code("code", 20);
        Optional<Customer> existing = customers.find(c, code);
        Optional<String> seriesOwner = CustomerCodes.ownerOf(code);
        if (seriesOwner.isPresent() && existing.isEmpty()) {
            throw line.problem("code", code + " has the shape of agent " + seriesOwner.get()
                    + "'s own customer codes, which only that agent's station may create; give the customer another code");
        }
        String agent = line.optionalText("agent", 10);
        if (agent != null && agents.find(c, agent).isEmpty()) {
            throw line.problem("agent", "unknown agent " + agent + "; import it with the agents first");
        }
        String priceList = line.optionalText("price_list", 20);
        if (priceList != null && priceLists.find(c, priceList).isEmpty()) {
            throw line.problem("price_list", "unknown price list " + priceList + "; import the price lists first");
        }
        String email = line.optionalText("email", 254);
        if (email != null && !email.contains("@")) {
            throw line.problem("email", "'" + email + "' is not an e-mail address");
        }
        return new Customer(code, line.text("name", 120), line.optionalText("vat_number", 20),
                line.optionalText("address", 200), line.optionalText("city", 80), email,
                line.optionalText("phone", 40), agent, priceList,
                existing.map(Customer::origin).orElse(Origin.HEAD_OFFICE),
                existing.map(Customer::createdAt).orElse(now));
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
    public Change save(Connection c, Customer row, Instant now) throws SQLException {
        return customers.save(c, row, now);
    }
}
