package io.sincro.db.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.db.Database;
import io.sincro.db.Station;
import io.sincro.db.testing.TestClock;
import io.sincro.db.testing.TestDatabases;

/** One statement tells which catalog tables hold no row, each on its own. */
class EmptyCatalogTest {

    @TempDir
    Path dir;

    private final TestClock clock = TestClock.at("2026-03-02T08:00:00Z");
    private Database db;

    @BeforeEach
    void anAgentsEmptyStation() {
        db = TestDatabases.create(dir.resolve("db"), Station.agent("A01"), clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aNewStationsCatalogIsEmptyThroughout() {
        assertThat(db.inTransaction(EmptyCatalog::of)).isEqualTo(new EmptyCatalog(true, true, true, true));
    }

    @Test
    void eachTableIsToldApart() {
        db.useTransaction(c -> {
            new PriceLists().save(c, new PriceList("L1", "Listino"), clock.instant());
            new Products().save(c, new Product("P1", "Vite", "PZ", new BigDecimal("22.00"), true), clock.instant());
        });
        assertThat(db.inTransaction(EmptyCatalog::of)).isEqualTo(new EmptyCatalog(false, false, true, true));

        db.useTransaction(c -> new Stock().save(c, new StockLevel("P1", new BigDecimal("3")), clock.instant()));
        assertThat(db.inTransaction(EmptyCatalog::of)).isEqualTo(new EmptyCatalog(false, false, true, false));

        db.useTransaction(c -> new PriceLists().save(c, new PriceListRow("L1", "P1", new BigDecimal("1.50")),
                clock.instant()));
        assertThat(db.inTransaction(EmptyCatalog::of)).isEqualTo(new EmptyCatalog(false, false, false, false));
    }
}
