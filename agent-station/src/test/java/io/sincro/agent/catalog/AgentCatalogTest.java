package io.sincro.agent.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.agent.testing.AgentFixture;
import io.sincro.agent.work.AgentWorkException;
import io.sincro.db.catalog.Product;

class AgentCatalogTest {

    @TempDir
    Path dir;

    private AgentFixture station;
    private AgentCatalog catalog;

    @BeforeEach
    void openStation() {
        station = AgentFixture.in(dir);
        catalog = station.station.catalog();
    }

    @AfterEach
    void closeStation() {
        station.close();
    }

    @Test
    void codePrefixFindsProductsInCodeOrder() {
        assertThat(catalog.search("p00", 10)).extracting(Product::code)
                .containsExactly("P001", "P002", "P003", "P004", "P009");
    }

    @Test
    void anExactCodeShowsThatProductFirst() {
        assertThat(catalog.search("p004", 10)).extracting(Product::code).containsExactly("P004");
    }

    @Test
    void descriptionStartComesBeforeWordsInside() {
        // "vite" starts P001 and P009, and is nowhere else
        assertThat(catalog.search("VITE", 10)).extracting(Product::code).containsExactly("P001", "P009");
        // "zincat" starts no description, but a word in two
        assertThat(catalog.search("zincat", 10)).extracting(Product::code).containsExactly("P001", "P002");
    }

    @Test
    void aWordOfTheTextFindsWordsStartingWithItNotLettersInsideOne() {
        assertThat(catalog.search("esagon", 10)).extracting(Product::code).containsExactly("P002");
        assertThat(catalog.search("sagonale", 10)).isEmpty();
    }

    @Test
    void everyWordMustStartAWordOfTheDescription() {
        assertThat(catalog.search("m8 inox", 10)).extracting(Product::code).containsExactly("P004");
        assertThat(catalog.search("zincato m8", 10)).extracting(Product::code).containsExactly("P002");
        // M8 starts "M8x40" as well as "M8"; a word does not need to be whole
        assertThat(catalog.search("m8", 10)).extracting(Product::code).containsExactly("P004", "P002");
    }

    @Test
    void punctuationBetweenWordsDoesNotMatter() {
        // the description says "(fuori produzione)"
        assertThat(catalog.search("legno, fuori-produzione", 10)).extracting(Product::code).containsExactly("P009");
    }

    @Test
    void searchStopsAtTheLimitAndShowsInactiveProductsToo() {
        assertThat(catalog.search("P00", 2)).extracting(Product::code).containsExactly("P001", "P002");
        assertThat(catalog.search("P009", 5)).singleElement().extracting(Product::active).isEqualTo(false);
    }

    @Test
    void anEmptySearchSaysWhatToType() {
        assertThatThrownBy(() -> catalog.search("  ", 10))
                .isInstanceOf(AgentWorkException.class)
                .hasMessage("the search text is empty; give the start of a product code, or words of its description,"
                        + " such as 'vite zincata'");
    }

    @Test
    void searchCharactersThatMeanSomethingToSqlAreJustText() {
        assertThat(catalog.search("%", 10)).isEmpty();
        assertThat(catalog.search("_", 10)).isEmpty();
    }

    @Test
    void stockIsWhatTheHeadOfficeLastReportedAndWhen() {
        ProductStock stock = catalog.stock("P001");

        assertThat(stock.known()).isTrue();
        assertThat(stock.quantity()).isEqualByComparingTo("120");
        assertThat(stock.updatedAt()).isEqualTo(Instant.parse("2026-03-02T08:00:00Z"));
        assertThat(stock.product().description()).isEqualTo("Vite autofilettante 3x16 zincata");
    }

    @Test
    void stockNeverReportedIsUnknownNotZero() {
        ProductStock stock = catalog.stock("P002");

        assertThat(stock.known()).isFalse();
        assertThat(stock.quantity()).isNull();
    }

    @Test
    void quantitiesOfManyProductsLeaveOutThoseNeverReported() {
        assertThat(catalog.quantities(List.of("P001", "P002"))).containsOnlyKeys("P001")
                .hasEntrySatisfying("P001", q -> assertThat(q).isEqualByComparingTo("120"));
    }

    @Test
    void stockOfAnUnknownProductSaysHowToFindOne() {
        assertThatThrownBy(() -> catalog.stock("NOPE"))
                .isInstanceOf(AgentWorkException.class)
                .hasMessageStartingWith("product NOPE is not in the catalog; find its code with 'sincro product search TEXT'");
    }
}
