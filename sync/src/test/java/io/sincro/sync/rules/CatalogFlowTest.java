package io.sincro.sync.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.db.catalog.PriceLists;
import io.sincro.db.catalog.Product;
import io.sincro.db.catalog.Products;
import io.sincro.db.catalog.Stock;
import io.sincro.db.catalog.StockLevel;
import io.sincro.db.testing.Rows;
import io.sincro.db.testing.Sql;
import io.sincro.format.Entity;
import io.sincro.format.PackageStream;
import io.sincro.format.file.WrittenPackage;
import io.sincro.format.testing.Samples;
import io.sincro.sync.ImportReport;
import io.sincro.sync.World;

/** Products, generic price lists and stock: from the head office to every agent. */
class CatalogFlowTest {

    @TempDir
    Path dir;

    private World world;
    private final Products products = new Products();
    private final PriceLists priceLists = new PriceLists();
    private final Stock stock = new Stock();

    @BeforeEach
    void aHeadOfficeWithACatalog() {
        world = new World(dir);
        world.hq.useTransaction(c -> {
            priceLists.save(c, Rows.priceList("L1"), world.hqClock.instant());
            priceLists.save(c, Rows.priceList("L2"), world.hqClock.instant());
            for (String p : List.of("P1", "P2", "P3")) {
                products.save(c, Rows.product(p), world.hqClock.instant());
                priceLists.save(c, Rows.price("L1", p, "10.00"), world.hqClock.instant());
                priceLists.save(c, Rows.price("L2", p, "9.00"), world.hqClock.instant());
                stock.save(c, new StockLevel(p, new BigDecimal("100")), world.hqClock.instant());
            }
        });
    }

    @AfterEach
    void close() {
        world.close();
    }

    private static final String CATALOG = """
            SELECT 'list', code, description FROM price_list UNION ALL
            SELECT 'product', code, description || ' ' || CAST(active AS CHAR(5)) FROM product UNION ALL
            SELECT 'row', price_list_code || '/' || product_code, CAST(price AS CHAR(20)) FROM price_list_row UNION ALL
            SELECT 'stock', product_code, CAST(quantity AS CHAR(20)) FROM stock
            ORDER BY 1, 2""";

    @Test
    void theFirstSyncGivesAnAgentEveryProductPriceListRowAndStockLevel() {
        world.syncDown("A01");

        assertThat(Sql.rows(world.agent("A01"), CATALOG)).isEqualTo(Sql.rows(world.hq, CATALOG)).hasSize(2 + 3 + 6 + 3);
    }

    @Test
    void oneChangeAfterAFullSnapshotTravelsAsAPackageHoldingThatOneRow() {
        world.syncDown("A01");
        world.syncUp("A01");
        world.hq.useTransaction(c -> priceLists.save(c, Rows.price("L1", "P2", "11.50"), world.hqClock.instant()));

        WrittenPackage delta = world.exchange.delta(world.hq, PackageStream.catalog(), "A01");

        assertThat(world.exchange.contents(delta).rows()).containsExactly(Samples.price("L1", "P2", "11.5000"));
        assertThat(delta.header().totalRows()).isEqualTo(1);
        world.exchange.receive(world.agent("A01"), delta);
        assertThat(Sql.column(world.agent("A01"), "SELECT price FROM price_list_row WHERE price_list_code = 'L1' AND product_code = 'P2'"))
                .containsExactly("11.5000");
    }

    @Test
    void aRowEditedFiveTimesBetweenSyncsTravelsOnceInItsLastState() {
        world.syncDown("A01");
        world.syncUp("A01");
        for (String price : List.of("1.00", "2.00", "3.00", "4.00", "5.00")) {
            world.hq.useTransaction(c -> priceLists.save(c, Rows.price("L2", "P3", price), world.hqClock.instant()));
        }

        WrittenPackage delta = world.exchange.delta(world.hq, PackageStream.catalog(), "A01");

        assertThat(world.exchange.contents(delta).rows()).containsExactly(Samples.price("L2", "P3", "5.0000"));
    }

    @Test
    void deletionsAtTheHeadOfficeReachTheAgentAndAWithdrawnProductArrivesInactive() {
        world.syncDown("A01");
        world.syncUp("A01");
        world.hq.useTransaction(c -> {
            priceLists.removeRow(c, "L2", "P1", world.hqClock.instant());
            stock.remove(c, "P1", world.hqClock.instant());
            products.save(c, new Product("P1", "Product P1", "PZ", new BigDecimal("22.00"), false), world.hqClock.instant());
        });

        List<ImportReport> reports = world.syncDown("A01");

        var agent = world.agent("A01");
        assertThat(Sql.count(agent, "SELECT COUNT(*) FROM price_list_row WHERE price_list_code = 'L2' AND product_code = 'P1'")).isZero();
        assertThat(Sql.count(agent, "SELECT COUNT(*) FROM stock WHERE product_code = 'P1'")).isZero();
        assertThat(Sql.column(agent, "SELECT CAST(active AS CHAR(5)) FROM product WHERE code = 'P1'")).containsExactly("false");
        ImportReport catalog = reports.get(0);
        assertThat(catalog.receipt().tally(Entity.PRICE_LIST_ROWS).orElseThrow().deleted()).isEqualTo(1);
        assertThat(catalog.receipt().tally(Entity.STOCK).orElseThrow().deleted()).isEqualTo(1);
        assertThat(catalog.receipt().tally(Entity.PRODUCTS).orElseThrow().updated()).isEqualTo(1);
    }

    @Test
    void aRowDeletedAndAddedAgainBetweenSyncsEndsUpPresent() {
        world.syncDown("A01");
        world.syncUp("A01");
        world.hq.useTransaction(c -> priceLists.removeRow(c, "L1", "P3", world.hqClock.instant()));
        world.hq.useTransaction(c -> priceLists.save(c, Rows.price("L1", "P3", "7.00"), world.hqClock.instant()));

        world.syncDown("A01");

        assertThat(Sql.column(world.agent("A01"), "SELECT price FROM price_list_row WHERE price_list_code = 'L1' AND product_code = 'P3'"))
                .containsExactly("7.0000");
    }

    @Test
    void aNewAgentStartsFromTheLatestFullCatalogPackageSoEarlierOnesAreNotNeeded() {
        WrittenPackage first = world.exchange.full(world.hq, PackageStream.catalog());
        world.advance(Duration.ofHours(1));
        world.hq.useTransaction(c -> products.save(c, Rows.product("P4"), world.hqClock.instant()));
        WrittenPackage second = world.exchange.delta(world.hq, PackageStream.catalog(), first.name().sequence());
        WrittenPackage snapshot = world.exchange.full(world.hq, PackageStream.catalog());
        world.hq.useTransaction(c -> products.save(c, Rows.product("P5"), world.hqClock.instant()));

        assertThat(world.exchange.receive(world.agent("A02"), snapshot).outcome()).isEqualTo(ImportReport.Outcome.IMPORTED);
        assertThat(world.exchange.receive(world.agent("A02"), first).outcome()).isEqualTo(ImportReport.Outcome.SUPERSEDED);
        assertThat(world.exchange.receive(world.agent("A02"), second).outcome()).isEqualTo(ImportReport.Outcome.SUPERSEDED);
        WrittenPackage fourth = world.exchange.delta(world.hq, PackageStream.catalog(), snapshot.name().sequence());
        assertThat(world.exchange.receive(world.agent("A02"), fourth).outcome()).isEqualTo(ImportReport.Outcome.IMPORTED);
        assertThat(Sql.column(world.agent("A02"), "SELECT code FROM product ORDER BY code"))
                .containsExactly("P1", "P2", "P3", "P4", "P5");
    }
}
