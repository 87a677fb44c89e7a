package io.sincro.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.sincro.db.agents.Agents;
import io.sincro.db.catalog.Product;
import io.sincro.db.catalog.Products;
import io.sincro.db.customers.Customers;
import io.sincro.db.prices.SpecialPrice;
import io.sincro.db.prices.SpecialPrices;
import io.sincro.db.testing.NewStation;
import io.sincro.db.testing.Rows;
import io.sincro.db.testing.Sql;
import io.sincro.db.testing.TestClock;

/** Loading rows from Java into an empty table in one statement, through the sincro table functions. */
class BulkLoadTest {

    private final TestClock clock = TestClock.at("2026-03-02T08:00:00Z");

    @RegisterExtension
    final NewStation station = NewStation.agent("A01", clock);

    private final Products products = new Products();

    private static List<Product> someProducts(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> new Product("P" + i, "Product " + i, "PZ",
                new BigDecimal("22.00"), i % 2 == 0)).toList();
    }

    @Test
    void anEmptyTableTakesEveryRowWithItsValues() {
        List<Product> rows = someProducts(1000);

        long loaded = station.db().inTransaction(c -> products.load(c, rows.iterator(), clock.instant()));

        assertThat(loaded).isEqualTo(1000);
        Optional<Product> inactive = station.db().inTransaction(c -> products.find(c, "P7"));
        Optional<Product> active = station.db().inTransaction(c -> products.find(c, "P8"));
        List<Product> found = station.db().inTransaction(c -> products.withDescriptionStarting(c, "product 99", 20));
        assertThat(inactive).contains(rows.get(6));
        assertThat(active).contains(rows.get(7));
        // the generated search columns and their indexes are filled too
        assertThat(found).hasSize(11);
        assertThat(Sql.count(station.db(), "SELECT COUNT(*) FROM product WHERE change_seq = 0")).isEqualTo(1000);
    }

    @Test
    void aTableWithRowsTakesTheRowsByAnOrdinaryInsert() {
        station.db().useTransaction(c -> products.save(c, Rows.product("A1"), clock.instant()));

        station.db().useTransaction(c -> products.load(c, someProducts(3).iterator(), clock.instant()));

        assertThat(Sql.column(station.db(), "SELECT code FROM product ORDER BY code"))
                .containsExactly("A1", "P1", "P2", "P3");
    }

    @Test
    void newCustomersGoInAsTheHeadOfficesOwnCreatedAndStampedAsGiven() {
        station.db().useTransaction(c -> new Agents().save(c, Rows.agent("A01"), clock.instant()));
        Instant now = Instant.parse("2026-03-02T09:15:00Z");

        long loaded = station.db().inTransaction(c -> new Customers().load(c, List.of(
                Rows.customer("C1").assignedTo("A01").build(), Rows.customer("C2").build()).iterator(), now, 42));

        assertThat(loaded).isEqualTo(2);
        assertThat(Sql.rows(station.db(), "SELECT code, agent_code, origin, created_at, updated_at, change_seq FROM customer ORDER BY 1"))
                .containsExactly(
                        List.of("C1", "A01", "HEAD_OFFICE", "2026-03-02 09:15:00.0", "2026-03-02 09:15:00.0", "42"),
                        Arrays.asList("C2", null, "HEAD_OFFICE", "2026-03-02 09:15:00.0", "2026-03-02 09:15:00.0", "42"));
    }

    @Test
    void instantsAreStoredAsUtcWallTimeLikeEveryOtherWrite() {
        Instant stamp = Instant.parse("2026-03-01T23:30:00.123Z");
        station.db().useTransaction(c -> {
            products.save(c, Rows.product("P1"), clock.instant());
            new Agents().save(c, Rows.agent("A01"), clock.instant());
            new Customers().save(c, Rows.customer("C1").assignedTo("A01").build(), clock.instant());
            new SpecialPrices().load(c, List.of(new SpecialPrice("C1", "P1", new BigDecimal("9.5000"),
                    new BigDecimal("5.00"), stamp, "HQ")).iterator());
        });

        Optional<SpecialPrice> read = station.db().inTransaction(c -> new SpecialPrices().find(c, "C1", "P1"));

        assertThat(read).hasValueSatisfying(p -> assertThat(p.updatedAt()).isEqualTo(stamp));
    }

    @Test
    void whatTheRowsThrowComesOutAsItselfAndNothingIsLoaded() {
        Iterator<Product> failing = new Iterator<>() {
            private int given;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Product next() {
                if (++given > 300) {
                    throw new IllegalStateException("the package was cut short");
                }
                return Rows.product("P" + given);
            }
        };

        assertThatThrownBy(() -> station.db().useTransaction(c -> products.load(c, failing, clock.instant())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the package was cut short");
        assertThat(Sql.count(station.db(), "SELECT COUNT(*) FROM product")).isZero();
    }

    @Test
    void theTableFunctionsGiveNoRowsOutsideABulkInsert() {
        assertThatThrownBy(() -> station.db().useTransaction(c -> {
            try (var s = c.createStatement()) {
                s.executeQuery("SELECT * FROM TABLE (sincro_stock_rows()) r").next();
            }
        })).hasRootCauseInstanceOf(SQLException.class)
                .rootCause().hasMessageContaining("give rows only to BulkLoad.insert");
    }
}
