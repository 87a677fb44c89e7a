package io.sincro.sync.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.sincro.db.Database;
import io.sincro.db.catalog.PriceLists;
import io.sincro.db.catalog.Products;
import io.sincro.db.catalog.Stock;
import io.sincro.db.catalog.StockLevel;
import io.sincro.db.customers.Customers;
import io.sincro.db.prices.SpecialPrices;
import io.sincro.db.testing.Rows;
import io.sincro.db.testing.Sql;
import io.sincro.format.Entity;
import io.sincro.format.PackageKind;
import io.sincro.format.PackageRefusedException;
import io.sincro.format.PackageRefusedException.Reason;
import io.sincro.format.PackageStream;
import io.sincro.format.file.WrittenPackage;
import io.sincro.format.testing.Forge;
import io.sincro.rules.conflicts.PriceConflict;
import io.sincro.rules.conflicts.PriceConflicts;
import io.sincro.rules.flow.EntityTally;
import io.sincro.rules.flow.Receipt;
import io.sincro.sync.ImportReport;
import io.sincro.sync.Sample;
import io.sincro.sync.World;

/**
 * A station whose tables are empty (a first sync, a station prepared again) takes each section of
 * a full package at once (in one bulk insert; price lists, a handful, as ordinary rows): the same
 * rows, stamps and receipt as the row-by-row rules would give, and the same refusals, with nothing
 * left of a refused package.
 */
class FirstImportTest {

    private static final Instant ARRIVAL = Sample.T0.plus(Duration.ofHours(3));

    private static final String CATALOG = """
            SELECT 'list', code, description, '' FROM price_list
            UNION ALL SELECT 'product', code, description || unit || CAST(vat_rate AS CHAR(8)), CAST(active AS CHAR(5)) FROM product
            UNION ALL SELECT 'row', price_list_code, product_code, CAST(price AS CHAR(20)) FROM price_list_row
            UNION ALL SELECT 'stock', product_code, CAST(quantity AS CHAR(20)), '' FROM stock
            ORDER BY 1, 2, 3""";
    private static final String PRICES = """
            SELECT customer_code, product_code, CAST(price AS CHAR(20)), CAST(updated_at AS CHAR(30)), updated_by
            FROM special_price ORDER BY 1, 2""";

    @TempDir
    Path dir;

    private World world;
    private final SpecialPrices prices = new SpecialPrices();

    @BeforeEach
    void aHeadOfficeWithACatalogAndOneCustomerOfA01WithSpecialPrices() {
        world = new World(dir);
        PriceLists priceLists = new PriceLists();
        world.hq.useTransaction(c -> {
            Instant now = world.hqClock.instant();
            priceLists.save(c, Rows.priceList("L1"), now);
            priceLists.save(c, Rows.priceList("L2"), now);
            for (String p : List.of("P1", "P2", "P3")) {
                new Products().save(c, Rows.product(p), now);
                priceLists.save(c, Rows.price("L1", p, "10.00"), now);
                priceLists.save(c, Rows.price("L2", p, "9.50"), now);
                new Stock().save(c, new StockLevel(p, new BigDecimal("12.500")), now);
            }
            new Customers().save(c, Rows.customer("C1").assignedTo("A01").build(), now);
            prices.save(c, Sample.specialPrice("C1", "P1", "8.00", Sample.T0, "HQ"));
            prices.save(c, Sample.specialPrice("C1", "P2", "7.00", Sample.T0.plusSeconds(60), "A01"));
        });
        world.clock("A01").advance(Duration.between(Sample.T0, ARRIVAL));
    }

    @AfterEach
    void close() {
        world.close();
    }

    private Database agent() {
        return world.agent("A01");
    }

    private WrittenPackage catalog() {
        return world.exchange.full(world.hq, PackageStream.catalog());
    }

    @Test
    void aFirstSyncLeavesExactlyTheHeadOfficesRowsAndCountsThemAsInserted() {
        List<ImportReport> reports = world.syncDown("A01");

        assertThat(Sql.rows(agent(), CATALOG)).isEqualTo(Sql.rows(world.hq, CATALOG)).hasSize(2 + 3 + 6 + 3);
        assertThat(Sql.rows(agent(), PRICES)).isEqualTo(Sql.rows(world.hq, PRICES)).hasSize(2);
        Receipt catalog = reports.get(0).receipt();
        assertThat(catalog.tally(Entity.PRODUCTS).orElseThrow().inserted()).isEqualTo(3);
        assertThat(catalog.tally(Entity.PRICE_LIST_ROWS).orElseThrow().inserted()).isEqualTo(6);
        assertThat(catalog.tally(Entity.STOCK).orElseThrow().inserted()).isEqualTo(3);
        assertThat(reports.get(1).receipt().tally(Entity.SPECIAL_PRICES).orElseThrow().inserted()).isEqualTo(2);
    }

    @Test
    void loadedRowsAreStampedAsReceivedSoTheyAreNeverSentBack() {
        world.syncDown("A01");

        for (String table : List.of("price_list", "product", "price_list_row", "stock", "special_price")) {
            assertThat(Sql.count(agent(), "SELECT COUNT(*) FROM " + table + " WHERE change_seq <> 0")).as(table).isZero();
        }
        // stamped when they arrived, in UTC wall time as every instant is stored
        assertThat(Sql.count(agent(), "SELECT COUNT(*) FROM product WHERE updated_at = TIMESTAMP('2026-03-02 11:00:00')"))
                .isEqualTo(3);
        assertThat(world.exchange.contents(world.sendUp("A01")).rows()).isEmpty();
    }

    @Test
    void theFirstSpecialPricesAreRememberedSoTheirVersionArrivingAgainIsNoConflict() {
        world.syncDown("A01");
        agent().useTransaction(c -> prices.save(c, Sample.specialPrice("C1", "P1", "8.80", ARRIVAL, "A01")));

        // the head office's older version of the same price, in a full package again
        ImportReport again = world.exchange.receive(agent(), world.sendDown("A01", PackageKind.FULL));

        assertThat(Sql.column(agent(), "SELECT price FROM special_price WHERE product_code = 'P1'"))
                .containsExactly("8.8000");
        assertThat(again.receipt().conflicts()).isEmpty();
        List<PriceConflict> kept = agent().inTransaction(c -> new PriceConflicts().conflicts(c));
        assertThat(kept).isEmpty();
    }

    @Test
    void aPriceStampedByAnotherAgentIsRefusedEvenByAnEmptyStation() throws Exception {
        world.exchange.receive(agent(), catalog());
        WrittenPackage own = world.sendDown("A01", PackageKind.FULL);
        Path forged = reforge(own.file(), Forge.content(own.file()).replace("updatedBy=\"A01\"", "updatedBy=\"A02\""));

        assertThatThrownBy(() -> world.exchange.receive(agent(), forged))
                .isInstanceOfSatisfying(PackageRefusedException.class, e -> assertThat(e.reason())
                        .isEqualTo(Reason.RULE_VIOLATED))
                .hasMessageContaining("stamped by A02");
        assertThat(Sql.count(agent(), "SELECT COUNT(*) FROM special_price")).isZero();
        assertThat(Sql.count(agent(), "SELECT COUNT(*) FROM customer")).isZero();
    }

    @Test
    void rowsReferringToAProductThePackageLacksRefuseTheWholeCatalogAndLeaveTheStationEmpty() throws Exception {
        WrittenPackage full = catalog();
        String xml = Forge.content(full.file())
                .replaceFirst("<product code=\"P2\".*?</product>\n?", "")
                .replace(count(Entity.PRODUCTS, 3), count(Entity.PRODUCTS, 2));

        assertThatThrownBy(() -> world.exchange.receive(agent(), reforge(full.file(), xml)))
                .isInstanceOfSatisfying(PackageRefusedException.class, e -> assertThat(e.reason())
                        .isEqualTo(Reason.RULE_VIOLATED))
                .hasMessageContaining("priceListRows refer to price lists or products this station does not have");
        assertThat(Sql.count(agent(), "SELECT COUNT(*) FROM product")).isZero();
        assertThat(Sql.count(agent(), "SELECT COUNT(*) FROM price_list")).isZero();
        assertThat(Sql.count(agent(), "SELECT COUNT(*) FROM imported_package")).isZero();
    }

    /** Stock goes in by a bulk insert, price lists (a handful) as ordinary rows: both refuse a row twice. */
    @ParameterizedTest
    @CsvSource({"stockLevel, STOCK, 3, stock", "priceList, PRICE_LISTS, 2, price_list"})
    void aSectionHoldingTheSameRowTwiceIsRefusedAsDamaged(String element, Entity entity, int rows, String table)
            throws Exception {
        WrittenPackage full = catalog();
        String content = Forge.content(full.file());
        String end = "</" + element + ">";
        String first = content.substring(content.indexOf("<" + element + " "), content.indexOf(end) + end.length());
        String xml = content.replace(first, first + "\n" + first)
                .replace(count(entity, rows), count(entity, rows + 1));

        assertThatThrownBy(() -> world.exchange.receive(agent(), reforge(full.file(), xml)))
                .isInstanceOfSatisfying(PackageRefusedException.class, e -> assertThat(e.reason())
                        .isEqualTo(Reason.MALFORMED))
                .hasMessageContaining("holds the same row twice in its " + entity.section() + " section");
        assertThat(Sql.count(agent(), "SELECT COUNT(*) FROM " + table)).isZero();
    }

    @Test
    void aDocumentBreakingTheSchemaPassesTheFirstPassButTheImportRefusesItAndLeavesNothing() throws Exception {
        WrittenPackage full = catalog();
        String tooLong = "P".repeat(31);
        Path forged = reforge(full.file(), Forge.content(full.file()).replace("\"P3\"", "\"" + tooLong + "\""));
        var verified = world.exchange.verify(agent(), forged);

        assertThatThrownBy(() -> world.exchange.receive(agent(), verified))
                .isInstanceOfSatisfying(PackageRefusedException.class, e -> assertThat(e.reason())
                        .isEqualTo(Reason.MALFORMED))
                .hasMessageContaining("does not follow the package schema");
        assertThat(Sql.count(agent(), "SELECT COUNT(*) FROM product")).isZero();
        assertThat(Sql.count(agent(), "SELECT COUNT(*) FROM imported_package")).isZero();
    }

    @Test
    void aStationThatAlreadyHasRowsTakesAFullPackageByTheRowByRowRules() {
        world.syncDown("A01");
        world.hq.useTransaction(c -> new PriceLists().save(c, Rows.price("L1", "P1", "11.00"), world.hqClock.instant()));

        ImportReport again = world.exchange.receive(agent(), catalog());

        EntityTally rows = again.receipt().tally(Entity.PRICE_LIST_ROWS).orElseThrow();
        assertThat(rows.updated()).isEqualTo(1);
        assertThat(rows.unchanged()).isEqualTo(5);
        assertThat(Sql.rows(agent(), CATALOG)).isEqualTo(Sql.rows(world.hq, CATALOG));
    }

    private static String count(Entity entity, int rows) {
        return "<count entity=\"" + entity.section() + "\" rows=\"" + rows + "\" deletions=\"0\"";
    }

    /** The package under the same name with {@code xml} as its content, sealed again. */
    private Path reforge(Path file, String xml) throws Exception {
        Path forged = Files.createDirectories(dir.resolve("forged"));
        return Forge.sealed(forged, file.getFileName().toString(), xml);
    }
}
