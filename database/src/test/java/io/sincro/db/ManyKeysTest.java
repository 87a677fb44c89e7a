package io.sincro.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.sincro.db.catalog.PriceLists;
import io.sincro.db.catalog.Product;
import io.sincro.db.catalog.Products;
import io.sincro.db.catalog.Stock;
import io.sincro.db.catalog.StockLevel;
import io.sincro.db.customers.Customers;
import io.sincro.db.testing.NewStation;
import io.sincro.db.testing.Rows;
import io.sincro.db.testing.TestClock;

/** Reads of many keys at once answer as many reads of one key would, past one statement's worth of keys. */
class ManyKeysTest {

    private static final int PRODUCTS = 2 * ManyKeys.PER_STATEMENT + 3;

    private final TestClock clock = TestClock.at("2026-03-02T08:00:00Z");

    @RegisterExtension
    final NewStation station = NewStation.agent("A01", clock);

    private final Products products = new Products();
    private final Stock stock = new Stock();

    @BeforeEach
    void productsWithStockForEveryOtherOne() {
        station.db().useTransaction(c -> {
            for (int i = 1; i <= PRODUCTS; i++) {
                products.save(c, Rows.product("P" + i), clock.instant());
                if (i % 2 == 0) {
                    stock.save(c, new StockLevel("P" + i, BigDecimal.valueOf(i)), clock.instant());
                }
            }
        });
    }

    @Test
    void everyKeyIsAnsweredOnceWhateverItsPlaceAndRepeats() {
        List<String> asked = new ArrayList<>(IntStream.rangeClosed(1, PRODUCTS).mapToObj(i -> "P" + i).toList());
        asked.add("P7");
        asked.add("NOPE");

        Map<String, Product> found = station.db().inTransaction(c -> products.find(c, asked));
        Map<String, BigDecimal> quantities = station.db().inTransaction(c -> stock.quantities(c, asked));

        assertThat(found).hasSize(PRODUCTS).doesNotContainKey("NOPE");
        assertThat(found.get("P" + PRODUCTS))
                .isEqualTo(station.db().inTransaction(c -> products.find(c, "P" + PRODUCTS))
                .orElseThrow());
        assertThat(quantities).hasSize(PRODUCTS / 2).containsEntry("P100", new BigDecimal("100.000"))
                .doesNotContainKey("P7");
    }

    @Test
    void customersNamesByCode() {
        station.db().useTransaction(c -> {
            new Customers().insert(c, Rows.customer("C1").named("Ferramenta Rossi").build());
            new Customers().insert(c, Rows.customer("C2").named("Edilizia Bianchi").build());
        });

        Map<String, String> names = station.db()
                .inTransaction(c -> new Customers().names(c, List.of("C2", "C1", "C2", "C9")));

        assertThat(names).containsOnly(Map.entry("C1", "Ferramenta Rossi"), Map.entry("C2", "Edilizia Bianchi"));
    }

    @Test
    void pricesOfManyProductsProbeTheListNeverReadIt() {
        station.db().useTransaction(c -> {
            PriceLists lists = new PriceLists();
            lists.save(c, Rows.priceList("BASE"), clock.instant());
            for (int i = 1; i <= PRODUCTS; i++) {
                lists.save(c, Rows.price("BASE", "P" + i, "1.50"), clock.instant());
            }
        });

        String plan = station.db().inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(1)");
            }
            assertThat(new PriceLists().prices(c, "BASE", List.of("P3", "P40", "P77"))).hasSize(3);
            try (Statement s = c.createStatement();
                    ResultSet rows = s.executeQuery("VALUES SYSCS_UTIL.SYSCS_GET_RUNTIMESTATISTICS()")) {
                rows.next();
                return rows.getString(1);
            }
        });

        // an IN list on the key's second column read every row of the list
        assertThat(plan).contains("Number of rows visited=1").doesNotContain("Number of rows visited=" + PRODUCTS);
    }

    @Test
    void noKeysAskNothing() {
        Map<String, Product> found = station.db().inTransaction(c -> products.find(c, List.<String>of()));

        assertThat(found).isEmpty();
    }

    @Test
    void aQueryWithoutThePlaceOfTheKeysIsAMistakeOfTheCode() {
        assertThatThrownBy(() -> ManyKeys.in("SELECT code FROM product WHERE code = ?"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{keys}");
    }
}
