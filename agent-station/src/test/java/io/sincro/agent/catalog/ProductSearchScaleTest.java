package io.sincro.agent.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.agent.work.AgentContext;
import io.sincro.db.Database;
import io.sincro.db.Station;
import io.sincro.db.catalog.Product;
import io.sincro.db.catalog.Products;
import io.sincro.db.testing.TestClock;
import io.sincro.db.testing.TestDatabases;

/**
 * Product search on a large catalog. Timings vary with the machine, so nothing here is timed:
 * the test asserts what makes the search fast, that Derby answers every search from the indexes
 * (words from the word index) and never reads the whole catalog. It prints timings for a person to
 * read. The default size keeps the build quick; -Dsincro.searchScale=200000 runs it at full scale.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductSearchScaleTest {

    private static final int SIZE = Integer.getInteger("sincro.searchScale", 10_000);
    private static final String[] NOUNS = {"Vite", "Bullone", "Dado", "Rondella", "Tassello", "Chiodo", "Staffa", "Cerniera"};
    private static final String[] FINISHES = {"zincata", "inox A2", "brunita", "ottone", "nylon"};

    private final TestClock clock = TestClock.at("2026-03-02T08:00:00Z");
    private Database db;
    private final Products products = new Products();

    @BeforeAll
    void fillCatalog(@TempDir Path dir) {
        db = TestDatabases.create(dir.resolve("station"), Station.agent("A01"), clock);
        long start = System.nanoTime();
        // through the real path of a first sync (a bulk load, then the word index in one more)
        List<Product> catalog = IntStream.rangeClosed(1, SIZE).mapToObj(i -> new Product(String.format("P%06d", i),
                NOUNS[i % NOUNS.length] + " " + (i % 97) + "x" + (i % 13) + " " + FINISHES[i % FINISHES.length]
                        + " lotto " + i, "PZ", new BigDecimal("22"), true)).toList();
        db.useTransaction(c -> products.load(c, catalog.iterator(), clock.instant()));
        System.out.printf("%d products loaded in %d ms%n", SIZE, (System.nanoTime() - start) / 1_000_000);
    }

    @AfterAll
    void close() {
        db.close();
    }

    @Test
    void aCodePrefixIsAnIndexRange() {
        String plan = planOf(c -> products.withCodeStarting(c, "p", 50));

        assertThat(plan).contains("Index Scan ResultSet for PRODUCT using index PRODUCT_BY_SEARCH_CODE");
        assertThat(plan).doesNotContain("Table Scan").doesNotContain("Sort ResultSet");
    }

    @Test
    void aDescriptionPrefixIsAnIndexRange() {
        String plan = planOf(c -> products.withDescriptionStarting(c, "d", 50));

        assertThat(plan).contains("Index Scan ResultSet for PRODUCT using index PRODUCT_BY_SEARCH_TEXT");
        // the first page comes off the index in order: no sort of every product the prefix matches
        assertThat(plan).doesNotContain("Table Scan").doesNotContain("Sort ResultSet");
    }

    @Test
    void wordsAreARangeOfTheWordIndexNeverAScanOfTheCatalog() {
        // LOCATE over every description read the whole table for a word few products hold
        String plan = planOf(c -> products.withWordsStarting(c, "lotto " + SIZE, 50));

        assertThat(plan).contains("Index Scan ResultSet for PRODUCT_WORD")
                .contains("Index Scan ResultSet for PRODUCT using constraint")
                .doesNotContain("Table Scan").doesNotContain("Sort ResultSet");
    }

    @Test
    void searchFindsTheRareAndTheCommonAlike() {
        AgentCatalog catalog = new AgentCatalog(new AgentContext(db, clock));

        assertThat(timed("rare word", () -> catalog.search("lotto " + SIZE, 50)))
                .extracting(Product::code).containsExactly(String.format("P%06d", SIZE));
        assertThat(timed("common word", () -> catalog.search("zincata", 50))).hasSize(50);
        assertThat(timed("code prefix", () -> catalog.search("P0001", 50))).hasSize(50)
                .allSatisfy(p -> assertThat(p.code()).startsWith("P0001"));
        assertThat(timed("description prefix", () -> catalog.search("cerniera 1", 50))).hasSize(50)
                .allSatisfy(p -> assertThat(p.description()).startsWithIgnoringCase("cerniera 1"));
    }

    private static List<Product> timed(String what, java.util.function.Supplier<List<Product>> search) {
        search.get(); // the first run compiles statements and warms the page cache
        long start = System.nanoTime();
        List<Product> found = search.get();
        System.out.printf("search (%s) on %d products: %d found in %.1f ms%n", what, SIZE, found.size(),
                (System.nanoTime() - start) / 1e6);
        return found;
    }

    private String planOf(Query query) {
        return db.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(1)");
            }
            query.run(c);
            try (Statement s = c.createStatement();
                 ResultSet rows = s.executeQuery("VALUES SYSCS_UTIL.SYSCS_GET_RUNTIMESTATISTICS()")) {
                rows.next();
                return rows.getString(1);
            }
        });
    }

    @FunctionalInterface
    private interface Query {
        void run(Connection c) throws SQLException;
    }
}
