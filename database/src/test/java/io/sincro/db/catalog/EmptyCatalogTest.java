package io.sincro.db.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.sincro.db.testing.NewStation;
import io.sincro.db.testing.TestClock;

/** One statement tells which catalog tables hold no row, each on its own. */
class EmptyCatalogTest {

    private final TestClock clock = TestClock.at("2026-03-02T08:00:00Z");

    @RegisterExtension
    final NewStation station = NewStation.agent("A01", clock);

    @Test
    void aNewStationsCatalogIsEmptyThroughout() {
        assertThat(station.db().inTransaction(EmptyCatalog::of)).isEqualTo(new EmptyCatalog(true, true, true, true));
    }

    @Test
    void eachTableIsToldApart() {
        station.db().useTransaction(c -> {
            new PriceLists().save(c, new PriceList("L1", "Listino"), clock.instant());
            new Products().save(c, new Product("P1", "Vite", "PZ", new BigDecimal("22.00"), true), clock.instant());
        });
        assertThat(station.db().inTransaction(EmptyCatalog::of)).isEqualTo(new EmptyCatalog(false, false, true, true));

        station.db().useTransaction(c -> new Stock().save(c, new StockLevel("P1", new BigDecimal("3")),
                clock.instant()));
        assertThat(station.db().inTransaction(EmptyCatalog::of)).isEqualTo(new EmptyCatalog(false, false, true, false));

        station.db().useTransaction(c -> new PriceLists().save(c, new PriceListRow("L1", "P1", new BigDecimal("1.50")),
                clock.instant()));
        assertThat(station.db().inTransaction(EmptyCatalog::of))
                .isEqualTo(new EmptyCatalog(false, false, false, false));
    }
}
