package io.sincro.agent;

import java.time.Clock;
import java.util.Objects;

import io.sincro.agent.catalog.AgentCatalog;
import io.sincro.agent.customers.AgentCustomers;
import io.sincro.agent.orders.AgentOrders;
import io.sincro.agent.orders.AgentTemplates;
import io.sincro.agent.prices.AgentPrices;
import io.sincro.db.Database;
import io.sincro.db.Station;

/**
 * The agent's offline work on its own station database: customers, orders and their templates,
 * prices and the catalog. Every operation is one transaction and needs no network; what the agent
 * submits or edits waits in the database for the next sync.
 */
public final class AgentStation {

    private final AgentCustomers customers;
    private final AgentOrders orders;
    private final AgentTemplates templates;
    private final AgentPrices prices;
    private final AgentCatalog catalog;

    public AgentStation(Database db, Clock clock) {
        agentCodeOf(db);
        this.orders = new AgentOrders(db, clock);
        this.templates = new AgentTemplates(db, clock);
        this.prices = new AgentPrices(db, clock);
        this.catalog = new AgentCatalog(db);
        this.customers = new AgentCustomers(db, clock, orders);
    }

    /**
     * The agent code of an agent station's database. The head office's database is refused: an
     * order entered there belongs to the head office's series, not to an agent's.
     */
    public static String agentCodeOf(Database db) {
        Objects.requireNonNull(db, "db");
        Station station = db.station();
        if (station.role() != Station.Role.AGENT) {
            throw new AgentWorkException("the database in " + db.directory() + " is the head office's, and this"
                    + " is agent work; point database.path in sincro.properties at an agent station"
                    + " (made with 'sincro hq prepare-agent CODE --out DIR')");
        }
        return station.agentCode();
    }

    public AgentCustomers customers() {
        return customers;
    }

    public AgentOrders orders() {
        return orders;
    }

    public AgentTemplates templates() {
        return templates;
    }

    public AgentPrices prices() {
        return prices;
    }

    public AgentCatalog catalog() {
        return catalog;
    }
}
