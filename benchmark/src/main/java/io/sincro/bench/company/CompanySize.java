package io.sincro.bench.company;

import java.util.Locale;

import io.sincro.db.Contents;

/**
 * How big the synthetic company is. Medium and large are the sizes the targets are set for; small is ours, picked
 * so that every step runs in well under a minute and CI can afford it; station is large's catalog for a
 * single agent. Every price list prices
 * every product and every product has a stock row, as in a real catalog.
 */
public enum CompanySize {

    SMALL(2_000, 2, 3, 50, 10, 5, 10),
    MEDIUM(50_000, 5, 20, 300, 50, 50, 10),
    LARGE(200_000, 5, 200, 300, 50, 50, 10),
    /** Large's catalog at one agent's station, for the web pages ({@code --pages}): one agent keeps it cheap to build. */
    STATION(200_000, 5, 1, 300, 50, 50, 10);

    private final int products;
    private final int priceLists;
    private final int agents;
    private final int customersPerAgent;
    private final int specialPricesPerCustomer;
    private final int ordersPerAgent;
    private final int linesPerOrder;

    CompanySize(int products, int priceLists, int agents, int customersPerAgent, int specialPricesPerCustomer,
            int ordersPerAgent, int linesPerOrder) {
        this.products = products;
        this.priceLists = priceLists;
        this.agents = agents;
        this.customersPerAgent = customersPerAgent;
        this.specialPricesPerCustomer = specialPricesPerCustomer;
        this.ordersPerAgent = ordersPerAgent;
        this.linesPerOrder = linesPerOrder;
    }

    public int products() {
        return products;
    }

    public int priceLists() {
        return priceLists;
    }

    public int agents() {
        return agents;
    }

    public int customersPerAgent() {
        return customersPerAgent;
    }

    public int specialPricesPerCustomer() {
        return specialPricesPerCustomer;
    }

    public int ordersPerAgent() {
        return ordersPerAgent;
    }

    public int linesPerOrder() {
        return linesPerOrder;
    }

    public long priceListRows() {
        return (long) products * priceLists;
    }

    public long customers() {
        return (long) agents * customersPerAgent;
    }

    public long specialPricesPerAgent() {
        return (long) customersPerAgent * specialPricesPerCustomer;
    }

    public long specialPrices() {
        return agents * specialPricesPerAgent();
    }

    /** The catalog every agent receives: price lists, products, their prices, stock. */
    public long catalogRows() {
        return priceLists + products + priceListRows() + products;
    }

    /** What one agent's first sync brings: the catalog, its customers and their special prices. */
    public long firstSyncRows() {
        return catalogRows() + customersPerAgent + specialPricesPerAgent();
    }

    /** What an agent's station holds after its first sync: its own agent row, and what the sync brought. */
    public Contents firstSyncContents() {
        return new Contents(1, customersPerAgent, products, priceListRows(), specialPricesPerAgent(), products, 0);
    }

    /** Every row the back-end's CSV files hold: agents, catalog, customers, special prices. */
    public long masterDataRows() {
        return agents + products + priceListRows() + customers() + specialPrices() + products;
    }

    /** The name on the command line and in reports: small, medium, large. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return label();
    }
}
