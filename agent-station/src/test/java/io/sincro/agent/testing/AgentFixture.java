package io.sincro.agent.testing;

import java.math.BigDecimal;
import java.nio.file.Path;

import io.sincro.agent.AgentStation;
import io.sincro.db.Database;
import io.sincro.db.Station;
import io.sincro.db.agents.Agents;
import io.sincro.db.catalog.PriceLists;
import io.sincro.db.catalog.Product;
import io.sincro.db.catalog.Products;
import io.sincro.db.catalog.Stock;
import io.sincro.db.catalog.StockLevel;
import io.sincro.db.customers.Customers;
import io.sincro.db.prices.SpecialPrice;
import io.sincro.db.prices.SpecialPrices;
import io.sincro.db.testing.Rows;
import io.sincro.db.testing.Sql;
import io.sincro.db.testing.Templates;
import io.sincro.db.testing.TestClock;

/**
 * Agent A01's station as a first sync leaves it, small enough to know by heart:
 * <ul>
 * <li>price list BASE: P001 10.00, P002 20.00, P003 7.50 (P004 has no price anywhere)</li>
 * <li>P001..P004 active ("Vite autofilettante 3x16 zincata", ...), P009 inactive</li>
 * <li>C00001 "Ferramenta Rossi" in Milano on BASE, with a special price for P002: 15.00 less 5%</li>
 * <li>C00002 "Edilizia Bianchi" in Torino on no price list, with a special price for P003: 6.00</li>
 * <li>stock: P001 120 units</li>
 * </ul>
 * The station is built once per JVM and each test gets its own copy ({@link Templates}).
 */
public final class AgentFixture implements AutoCloseable {

    public static final String AGENT = "A01";
    public static final String ROSSI = "C00001";
    public static final String BIANCHI = "C00002";

    public final TestClock clock = TestClock.at("2026-03-02T08:00:00Z");
    public final Database db;
    public final AgentStation station;

    private AgentFixture(Path dir) {
        Path copy = dir.resolve("station");
        Templates.copy("agent A01's station as a first sync leaves it", AgentFixture::make, copy);
        db = Database.open(copy, clock);
        station = new AgentStation(db, clock);
    }

    private static void make(Path folder) {
        try (Database db = Database.create(folder, Station.agent(AGENT), TestClock.at("2026-03-02T08:00:00Z"))) {
            fill(db);
        }
    }

    private static void fill(Database db) {
        db.useTransaction(c -> {
            new Agents().save(c, Rows.agent(AGENT), Rows.T0);
            PriceLists lists = new PriceLists();
            lists.save(c, Rows.priceList("BASE"), Rows.T0);
            Products products = new Products();
            products.save(c, product("P001", "Vite autofilettante 3x16 zincata", true), Rows.T0);
            products.save(c, product("P002", "Bullone testa esagonale M8x40 zincato", true), Rows.T0);
            products.save(c, product("P003", "Tassello nylon 8 mm", true), Rows.T0);
            products.save(c, product("P004", "Rondella piana M8 inox", true), Rows.T0);
            products.save(c, product("P009", "Vite legno 4x30 (fuori produzione)", false), Rows.T0);
            lists.save(c, Rows.price("BASE", "P001", "10.00"), Rows.T0);
            lists.save(c, Rows.price("BASE", "P002", "20.00"), Rows.T0);
            lists.save(c, Rows.price("BASE", "P003", "7.50"), Rows.T0);
            Customers customers = new Customers();
            customers.insert(c, Rows.customer(ROSSI).named("Ferramenta Rossi").assignedTo(AGENT).priceList("BASE").build());
            customers.insert(c, Rows.customer(BIANCHI).named("Edilizia Bianchi").assignedTo(AGENT).build());
            SpecialPrices specials = new SpecialPrices();
            specials.save(c, new SpecialPrice(ROSSI, "P002", new BigDecimal("15.00"), new BigDecimal("5"), Rows.T0, "HQ"));
            specials.save(c, Rows.specialPrice(BIANCHI, "P003", "6.00", "HQ"));
            new Stock().save(c, new StockLevel("P001", new BigDecimal("120")), Rows.T0);
        });
        // the builder gives every customer the same sample city and VAT number; make them tell apart
        Sql.execute(db, "UPDATE customer SET city = 'Torino', vat_number = '59897263279' WHERE code = '" + BIANCHI + "'");
        Sql.execute(db, "UPDATE customer SET vat_number = '80276251750' WHERE code = '" + ROSSI + "'");
    }

    public static AgentFixture in(Path dir) {
        return new AgentFixture(dir);
    }

    public static Product product(String code, String description, boolean active) {
        return new Product(code, description, "PZ", new BigDecimal("22.00"), active);
    }

    /** Marks a product inactive, as a catalog update from the head office would. */
    public void deactivate(String productCode) {
        Sql.execute(db, "UPDATE product SET active = FALSE WHERE code = '" + productCode + "'");
    }

    @Override
    public void close() {
        db.close();
    }
}
