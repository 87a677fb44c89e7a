package io.sincro.db.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.sincro.db.testing.NewStation;
import io.sincro.db.testing.Sql;
import io.sincro.db.testing.TestClock;

/** The word index of descriptions follows every write of Products, and a search by word starts reads it. */
class ProductWordsTest {

    private final TestClock clock = TestClock.at("2026-03-02T08:00:00Z");

    @RegisterExtension
    final NewStation station = NewStation.agent("A01", clock);

    private final Products products = new Products();

    private static Product product(String code, String description) {
        return new Product(code, description, "PZ", new BigDecimal("22.00"), true);
    }

    private List<String> wordsOf(String code) {
        return Sql.column(station.db(),
                "SELECT word FROM product_word WHERE product_code = '" + code + "' ORDER BY word");
    }

    private List<Product> search(String text, int limit) {
        List<Product> found = station.db().inTransaction(c -> products.withWordsStarting(c, text, limit));
        return found;
    }

    @Test
    void aWordIsARunOfLettersAndDigitsUpperCased() {
        assertThat(ProductWords.of("Vite 3.5x20 (zincata), vite perché"))
                .containsExactly("VITE", "3", "5X20", "ZINCATA", "PERCHÉ");
        assertThat(ProductWords.of(" %_- ")).isEmpty();
    }

    @Test
    void aSavedProductIsIndexedByEachDistinctWord() {
        station.db().useTransaction(c -> products.save(c, product("P1", "Vite legno vite 4x30"), clock.instant()));

        assertThat(wordsOf("P1")).containsExactly("4X30", "LEGNO", "VITE");
    }

    @Test
    void aChangedDescriptionMovesTheProductsWords() {
        station.db().useTransaction(c -> products.save(c, product("P1", "Vite legno 4x30"), clock.instant()));
        station.db().useTransaction(c -> products.save(c, product("P1", "Vite inox 4x30"), clock.instant()));

        assertThat(wordsOf("P1")).containsExactly("4X30", "INOX", "VITE");
    }

    @Test
    void aFirstLoadIndexesEveryProductAndALaterLoadItsNewOnes() {
        List<Product> first = IntStream.rangeClosed(1, 2_500)
                .mapToObj(i -> product(String.format("P%05d", i), "Vite lotto " + i)).toList();
        List<Product> more = IntStream.rangeClosed(2_501, 4_700)
                .mapToObj(i -> product(String.format("P%05d", i), "Dado lotto " + i)).toList();

        station.db().useTransaction(c -> products.load(c, first.iterator(), clock.instant()));
        station.db().useTransaction(c -> products.load(c, more.iterator(), clock.instant()));

        assertThat(Sql.count(station.db(), "SELECT COUNT(*) FROM product_word")).isEqualTo(3 * 4_700);
        assertThat(wordsOf("P00007")).containsExactly("7", "LOTTO", "VITE");
        assertThat(wordsOf("P04700")).containsExactly("4700", "DADO", "LOTTO");
    }

    @Test
    void aSearchFindsWordsStartingWithEachWordOfTheText() {
        station.db().useTransaction(c -> {
            products.save(c, product("P1", "Bullone testa esagonale M8x40 zincato"), clock.instant());
            products.save(c, product("P2", "Vite autofilettante zincata"), clock.instant());
            products.save(c, product("P3", "Rondella piana M8 inox"), clock.instant());
        });

        assertThat(search("zinc m8", 10))
                .extracting(Product::code).containsExactly("P1");
        assertThat(search("M8", 10))
                .extracting(Product::code).containsExactly("P3", "P1");
        // inside a word is not the start of one
        assertThat(search("incat", 10)).isEmpty();
        assertThat(search("%", 10)).isEmpty();
    }

    @Test
    void aSearchStopsAtTheLimitCountingEachProductOnce() {
        station.db().useTransaction(c -> {
            products.save(c, product("P1", "Vite viti"), clock.instant());
            products.save(c, product("P2", "Vite"), clock.instant());
            products.save(c, product("P3", "Vitone"), clock.instant());
        });

        assertThat(search("vit", 2))
                .extracting(Product::code).containsExactly("P1", "P2");
        assertThat(search("vit", 10))
                .extracting(Product::code).containsExactly("P1", "P2", "P3");
    }
}
