package io.sincro.agent;

import java.time.Clock;

import io.sincro.agent.catalog.AgentCatalog;
import io.sincro.agent.customers.AgentCustomers;
import io.sincro.agent.orders.AgentOrders;
import io.sincro.agent.orders.AgentTemplates;
import io.sincro.agent.prices.AgentPrices;
import io.sincro.agent.work.AgentContext;
import io.sincro.db.Database;

/**
 * The agent's offline work on its own station database: customers, orders and their templates,
 * prices and the catalog. Every operation is one transaction and needs no network; what the agent
 * submits or edits waits in the database for the next sync.
 *
 * <p>The station checks the database once ({@link AgentContext}: the head office's is refused) and
 * hands that context to each service; the services know the context, never each other or the station.
 */
public final class AgentStation {

    private final AgentCustomers customers;
    private final AgentOrders orders;
    private final AgentTemplates templates;
    private final AgentPrices prices;
    private final AgentCatalog catalog;

    public AgentStation(Database db, Clock clock) {
        AgentContext context = new AgentContext(db, clock);
        this.customers = new AgentCustomers(context);
        this.orders = new AgentOrders(context);
        this.templates = new AgentTemplates(context);
        this.prices = new AgentPrices(context);
        this.catalog = new AgentCatalog(context);
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
