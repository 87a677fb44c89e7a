package io.sincro.office.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.db.Database;
import io.sincro.db.Station;
import io.sincro.db.changes.ChangeSequence;
import io.sincro.db.changes.ChangeSource;
import io.sincro.db.prices.SpecialPrice;
import io.sincro.db.prices.SpecialPrices;
import io.sincro.db.testing.Sql;
import io.sincro.db.testing.TestClock;
import io.sincro.db.testing.TestDatabases;

/**
 * The tables' files (products, price lists, customers, special prices, stock) are compared with the table
 * in one read and their new rows inserted in bulk: what a user sees must be what the line-by-line
 * load gave, whatever the order of the file's lines and whatever the table already holds.
 */
class TableLoadTest {

    @TempDir
    Path dir;

    private final TestClock clock = TestClock.at("2026-03-02T08:00:00Z");
    private Database company;
    private CsvImport csv;

    @BeforeEach
    void createCompany() {
        company = TestDatabases.create(dir.resolve("company"), Station.headOffice(), clock);
        csv = new CsvImport(company);
        csv.load(ImportKind.PRODUCTS, write("products.csv", """
                code,description,unit,vat_rate
                P1,Vite,PZ,22
                P2,Tassello,PZ,22
                P3,Silicone,PZ,22
                P4,Colla,PZ,22
                """));
        csv.load(ImportKind.AGENTS, write("agents.csv", "code,name\nA01,Rossi\n"));
        csv.load(ImportKind.PRICE_LISTS, write("lists.csv", "price_list,product,price\nBASE,P1,1.00\n"));
        csv.load(ImportKind.CUSTOMERS, write("customers.csv", """
                code,name,agent,price_list
                C1,Bar Roma,A01,BASE
                C2,Ferramenta Po,A01,BASE
                """));
    }

    @AfterEach
    void closeCompany() {
        company.close();
    }

    @Test
    void aFileOutOfKeyOrderGivesWhatTheSameFileInOrderGives() {
        csv.load(ImportKind.PRICE_LISTS, write("lists.csv", """
                price_list,product,price
                BASE,P1,1.00
                BASE,P2,2.00
                BASE,P3,3.00
                """));
        clock.advance(Duration.ofHours(1));

        ImportSummary shuffled = csv.load(ImportKind.PRICE_LISTS, write("lists.csv", """
                price_list,product,price
                BASE,P3,3.00
                BASE,P4,4.00
                BASE,P1,1.50
                BASE,P2,2.00
                """));

        assertThat(shuffled).extracting(ImportSummary::inserted, ImportSummary::updated, ImportSummary::unchanged)
                .containsExactly(1L, 1L, 2L);
        assertThat(Sql.rows(company, "SELECT product_code, price, updated_at FROM price_list_row ORDER BY 1"))
                .containsExactly(
                        List.of("P1", "1.5000", "2026-03-02 09:00:00.0"),
                        List.of("P2", "2.0000", "2026-03-02 08:00:00.0"),
                        List.of("P3", "3.0000", "2026-03-02 08:00:00.0"),
                        List.of("P4", "4.0000", "2026-03-02 09:00:00.0"));
    }

    @Test
    void rowsInsertedTogetherTravelAsChangesAndTheUnchangedOnesDoNot() {
        csv.load(ImportKind.STOCK, write("stock.csv", "product,quantity\nP1,5\nP2,6\n"));
        long mark = mark(company);

        csv.load(ImportKind.STOCK, write("stock.csv", "product,quantity\nP1,5\nP2,7\nP3,8\nP4,9\n"));

        assertThat(Sql.column(company, "SELECT product_code FROM stock WHERE change_seq > " + mark + " ORDER BY 1"))
                .containsExactly("P2", "P3", "P4");
        assertThat(mark(company)).isGreaterThan(mark);
    }

    @Test
    void theRowsAReloadInsertsAndThoseItUpdatesShareOneChangeNumber() {
        csv.load(ImportKind.STOCK, write("stock.csv", "product,quantity\nP1,5\nP2,6\nP3,7\n"));
        long mark = mark(company);

        ImportSummary again = csv.load(ImportKind.STOCK, write("stock.csv", "product,quantity\nP1,5\nP2,8\nP3,9\nP4,1\n"));

        assertThat(again).extracting(ImportSummary::inserted, ImportSummary::updated, ImportSummary::unchanged)
                .containsExactly(1L, 2L, 1L);
        assertThat(Sql.rows(company, "SELECT product_code, quantity, change_seq FROM stock WHERE change_seq > " + mark
                + " ORDER BY 1")).containsExactly(
                List.of("P2", "8.000", String.valueOf(mark + 1)),
                List.of("P3", "9.000", String.valueOf(mark + 1)),
                List.of("P4", "1.000", String.valueOf(mark + 1)));
        assertThat(mark(company)).isEqualTo(mark + 1);
    }

    @Test
    void theChangedPricesOfAFileShareOneChangeNumber() {
        csv.load(ImportKind.PRICE_LISTS, write("lists.csv", "price_list,product,price\nBASE,P1,1.00\nBASE,P2,2.00\n"));
        csv.load(ImportKind.SPECIAL_PRICES, write("special.csv", "customer,product,price\nC1,P1,1.00\nC2,P2,2.00\n"));
        long mark = mark(company);

        csv.load(ImportKind.PRICE_LISTS, write("lists.csv", "price_list,product,price\nBASE,P1,1.10\nBASE,P2,2.20\n"));
        csv.load(ImportKind.SPECIAL_PRICES, write("special.csv", "customer,product,price\nC1,P1,1.10\nC2,P2,2.20\n"));

        assertThat(Sql.column(company, "SELECT DISTINCT change_seq FROM price_list_row"))
                .containsExactly(String.valueOf(mark + 1));
        assertThat(Sql.column(company, "SELECT DISTINCT change_seq FROM special_price"))
                .containsExactly(String.valueOf(mark + 2));
        assertThat(Sql.rows(company, "SELECT customer_code, price, updated_by FROM special_price ORDER BY 1"))
                .containsExactly(List.of("C1", "1.1000", "HQ"), List.of("C2", "2.2000", "HQ"));
        assertThat(Sql.rows(company, "SELECT customer_code, price FROM backend_special_price ORDER BY 1"))
                .containsExactly(List.of("C1", "1.1000"), List.of("C2", "2.2000"));
    }

    @Test
    void aReloadThatChangesNothingTakesNoChangeNumber() {
        Path stock = write("stock.csv", "product,quantity\nP1,5\nP2,6\n");
        csv.load(ImportKind.STOCK, stock);
        long mark = mark(company);

        ImportSummary again = csv.load(ImportKind.STOCK, stock);

        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(mark(company)).isEqualTo(mark);
    }

    @Test
    void specialPricesNeedOnlyComeCustomerByCustomer() {
        csv.load(ImportKind.SPECIAL_PRICES, write("special.csv", """
                customer,product,price
                C1,P3,3.00
                C1,P1,1.00
                C2,P2,2.00
                """));
        clock.advance(Duration.ofHours(1));

        ImportSummary again = csv.load(ImportKind.SPECIAL_PRICES, write("special.csv", """
                customer,product,price
                C1,P1,1.00
                C1,P4,4.00
                C1,P3,3.30
                C2,P2,2.00
                """));

        assertThat(again).extracting(ImportSummary::inserted, ImportSummary::updated, ImportSummary::unchanged)
                .containsExactly(1L, 1L, 2L);
        assertThat(Sql.rows(company, "SELECT customer_code, product_code, price, updated_at, updated_by"
                + " FROM special_price ORDER BY 1, 2")).containsExactly(
                List.of("C1", "P1", "1.0000", "2026-03-02 08:00:00.0", "HQ"),
                List.of("C1", "P3", "3.3000", "2026-03-02 09:00:00.0", "HQ"),
                List.of("C1", "P4", "4.0000", "2026-03-02 09:00:00.0", "HQ"),
                List.of("C2", "P2", "2.0000", "2026-03-02 08:00:00.0", "HQ"));
        assertThat(Sql.count(company, "SELECT COUNT(*) FROM backend_special_price")).isEqualTo(4);
    }

    @Test
    void aPriceTheBackEndFirstGivesAfterAnAgentMadeItReplacesTheAgentsAsAConflict() {
        company.useTransaction(c -> new SpecialPrices().save(c, new SpecialPrice("C1", "P1", new BigDecimal("0.90"),
                BigDecimal.ZERO, Instant.parse("2026-03-02T07:00:00Z"), "A01"), ChangeSource.RECEIVED));

        ImportSummary first = csv.load(ImportKind.SPECIAL_PRICES, write("special.csv", """
                customer,product,price
                C1,P1,1.00
                C1,P2,2.00
                """));

        assertThat(first).extracting(ImportSummary::inserted, ImportSummary::updated, ImportSummary::conflicts)
                .containsExactly(1L, 1L, 1L);
        assertThat(Sql.rows(company, "SELECT product_code, price, updated_by FROM special_price ORDER BY 1"))
                .containsExactly(List.of("P1", "1.0000", "HQ"), List.of("P2", "2.0000", "HQ"));
    }

    @Test
    void aPriceDeletedHereComesBackAfterItsDeletion() {
        csv.load(ImportKind.SPECIAL_PRICES, write("special.csv", "customer,product,price\nC1,P2,2.00\n"));
        company.useTransaction(c -> new SpecialPrices().remove(c, "C1", "P2", clock.instant(), "HQ",
                ChangeSource.LOCAL));

        csv.load(ImportKind.SPECIAL_PRICES, write("special.csv", "customer,product,price\nC1,P1,1.00\nC1,P2,2.50\n"));

        // all at one instant: the deletion comes 1 ms after the price it removed, the price given
        // again 1 ms after the deletion, so "the most recent change wins" keeps it
        assertThat(Sql.rows(company, "SELECT product_code, updated_at FROM special_price ORDER BY 1"))
                .containsExactly(List.of("P1", "2026-03-02 08:00:00.0"), List.of("P2", "2026-03-02 08:00:00.002"));
    }

    @Test
    void aBadLineAfterGoodOnesInAFileOfNewRowsStoresNothing() {
        Path stock = write("stock.csv", "product,quantity\nP1,5\nP2,6\nP9,7\n");

        assertThatThrownBy(() -> csv.load(ImportKind.STOCK, stock))
                .isInstanceOf(ImportException.class)
                .hasMessage("stock.csv line 4, column product: unknown product P9; import it with the products first."
                        + " No row of the file was stored.");
        assertThat(Sql.count(company, "SELECT COUNT(*) FROM stock")).isZero();
    }

    @Test
    void aNewRowOfAnUnknownProductInAReloadIsRefusedWithItsLineAndNothingChanges() {
        csv.load(ImportKind.SPECIAL_PRICES, write("special.csv", "customer,product,price\nC1,P1,1.00\nC2,P2,2.00\n"));
        long mark = mark(company);

        assertThatThrownBy(() -> csv.load(ImportKind.SPECIAL_PRICES, write("special.csv", """
                customer,product,price
                C1,P1,1.10
                C1,P3,3.00
                C2,P2,2.00
                C2,P9,9.00
                """)))
                .isInstanceOf(ImportException.class)
                .hasMessage("special.csv line 5, column product: unknown product P9; import it with the products first."
                        + " No row of the file was stored.");
        assertThat(Sql.rows(company, "SELECT customer_code, product_code, price FROM special_price ORDER BY 1, 2"))
                .containsExactly(List.of("C1", "P1", "1.0000"), List.of("C2", "P2", "2.0000"));
        assertThat(mark(company)).isEqualTo(mark);
    }

    @Test
    void aCustomersFileWithABadLineAmongNewCustomersIsRefusedWholeWithTheLine() {
        Path customers = write("customers.csv", """
                code,name,agent
                C3,Bar Milano,A01
                C4,Bar Torino,A01
                C5,Bar Napoli,A09
                C6,Bar Genova,A01
                """);

        assertThatThrownBy(() -> csv.load(ImportKind.CUSTOMERS, customers))
                .isInstanceOf(ImportException.class)
                .hasMessage("customers.csv line 4, column agent: unknown agent A09; import it with the agents first."
                        + " No row of the file was stored.");
        assertThat(Sql.column(company, "SELECT code FROM customer ORDER BY 1")).containsExactly("C1", "C2");
    }

    @Test
    void anEmptyCustomerTableRefusesAWholeFileForOneBadLine() {
        company.useTransaction(c -> {
            try (var s = c.createStatement()) {
                s.executeUpdate("DELETE FROM customer");
            }
        });
        Path customers = write("customers.csv", "code,name\nC3,Bar Milano\nC4,\"\"\nC5,Bar Napoli\n");

        assertThatThrownBy(() -> csv.load(ImportKind.CUSTOMERS, customers))
                .hasMessage("customers.csv line 3, column name: the value is missing; every line needs a name."
                        + " No row of the file was stored.");
        assertThat(Sql.count(company, "SELECT COUNT(*) FROM customer")).isZero();
    }

    @Test
    void aCodeOfAnAgentsSeriesAmongKnownCustomersIsRefusedWithItsLine() {
        Path customers = write("customers.csv", """
                code,name,agent
                A01-00003,Bar Milano,A01
                C1,Bar Roma,A01
                """);

        assertThatThrownBy(() -> csv.load(ImportKind.CUSTOMERS, customers))
                .hasMessageStartingWith("customers.csv line 2, column code: A01-00003 has the shape of agent A01's own"
                        + " customer codes");
        assertThat(Sql.column(company, "SELECT code FROM customer ORDER BY 1")).containsExactly("C1", "C2");
    }

    @Test
    void aCustomersReloadInsertsTheNewUpdatesTheChangedAndLeavesTheRest() {
        clock.advance(Duration.ofHours(1));
        long mark = mark(company);

        ImportSummary again = csv.load(ImportKind.CUSTOMERS, write("customers.csv", """
                code,name,agent,price_list
                C1,Bar Roma,A01,BASE
                C2,Ferramenta Po e Figli,A01,BASE
                C3,Bar Milano,,
                """));

        assertThat(again).extracting(ImportSummary::inserted, ImportSummary::updated, ImportSummary::unchanged)
                .containsExactly(1L, 1L, 1L);
        assertThat(Sql.rows(company, "SELECT code, name, origin, created_at, updated_at FROM customer ORDER BY 1"))
                .containsExactly(
                        List.of("C1", "Bar Roma", "HEAD_OFFICE", "2026-03-02 08:00:00.0", "2026-03-02 08:00:00.0"),
                        List.of("C2", "Ferramenta Po e Figli", "HEAD_OFFICE", "2026-03-02 08:00:00.0",
                                "2026-03-02 09:00:00.0"),
                        List.of("C3", "Bar Milano", "HEAD_OFFICE", "2026-03-02 09:00:00.0", "2026-03-02 09:00:00.0"));
        assertThat(Sql.column(company, "SELECT code FROM customer WHERE change_seq > " + mark + " ORDER BY 1"))
                .containsExactly("C2", "C3");
    }

    @Test
    void aCustomersReloadThatChangesNothingTakesNoChangeNumber() {
        long mark = mark(company);

        ImportSummary again = csv.load(ImportKind.CUSTOMERS, write("customers.csv", """
                code,name,agent,price_list
                C1,Bar Roma,A01,BASE
                C2,Ferramenta Po,A01,BASE
                """));

        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(mark(company)).isEqualTo(mark);
    }

    @Test
    void aNewListTakesTheDescriptionItsFileGivesOnALaterLine() {
        ImportSummary loaded = csv.load(ImportKind.PRICE_LISTS, write("lists.csv", """
                price_list,product,price,description
                SALE,P1,0.90,
                SALE,P2,1.80,Saldi di marzo
                """));

        assertThat(loaded.inserted()).isEqualTo(2);
        assertThat(Sql.rows(company, "SELECT code, description FROM price_list ORDER BY 1"))
                .containsExactly(List.of("BASE", "BASE"), List.of("SALE", "Saldi di marzo"));
    }

    private static long mark(Database db) {
        return db.inTransaction(c -> new ChangeSequence().mark(c));
    }

    private Path write(String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
