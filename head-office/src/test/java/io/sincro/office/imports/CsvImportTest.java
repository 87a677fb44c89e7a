package io.sincro.office.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.sincro.db.Database;
import io.sincro.db.Station;
import io.sincro.db.testing.Sql;
import io.sincro.db.testing.TestClock;
import io.sincro.db.testing.TestDatabases;
import io.sincro.office.SampleCompany;

class CsvImportTest {

    @TempDir
    Path dir;

    private final TestClock clock = TestClock.at("2026-03-02T08:00:00Z");
    private Database company;
    private CsvImport csv;

    @BeforeEach
    void createCompany() {
        company = TestDatabases.create(dir.resolve("company"), Station.headOffice(), clock);
        csv = new CsvImport(company);
    }

    @AfterEach
    void closeCompany() {
        company.close();
    }

    @Test
    void theSampleCompanyLoadsEveryKindOfFile() {
        SampleCompany.load(company);

        assertThat(Sql.count(company, "SELECT COUNT(*) FROM agent")).isEqualTo(3);
        assertThat(Sql.count(company, "SELECT COUNT(*) FROM product")).isEqualTo(320);
        assertThat(Sql.count(company, "SELECT COUNT(*) FROM price_list")).isEqualTo(2);
        assertThat(Sql.count(company, "SELECT COUNT(*) FROM price_list_row")).isEqualTo(640);
        assertThat(Sql.count(company, "SELECT COUNT(*) FROM customer")).isEqualTo(72);
        assertThat(Sql.count(company, "SELECT COUNT(*) FROM special_price")).isEqualTo(432);
        assertThat(Sql.count(company, "SELECT COUNT(*) FROM stock")).isEqualTo(320);
        assertThat(Sql.column(company, "SELECT description FROM price_list ORDER BY code"))
                .containsExactly("Listino base", "Listino rivenditori");
    }

    @Test
    void eachKindReportsWhatItStored() {
        Path products = write("products.csv", """
                code,description,unit,vat_rate,active
                P1,Vite 4x20,PZ,22,true
                P2,Tassello 8mm,PZ,22.00,
                """);

        ImportSummary summary = csv.load(ImportKind.PRODUCTS, products);

        assertThat(summary.rows()).isEqualTo(2);
        assertThat(summary.inserted()).isEqualTo(2);
        assertThat(Sql.rows(company, "SELECT code, active FROM product ORDER BY code"))
                .containsExactly(List.of("P1", "true"), List.of("P2", "true"));
    }

    @Test
    void importingAnUpdatedFileUpdatesTheRowsAndLeavesTheRestAlone() {
        csv.load(ImportKind.PRODUCTS, write("products.csv", """
                code,description,unit,vat_rate
                P1,Vite 4x20,PZ,22
                P2,Tassello 8mm,PZ,22
                """));
        clock.advance(Duration.ofHours(1));

        ImportSummary again = csv.load(ImportKind.PRODUCTS, write("products.csv", """
                code,description,unit,vat_rate,active
                P1,Vite 4x20 zincata,PZ,22,true
                P2,Tassello 8mm,PZ,22.00,true
                P3,Silicone,PZ,22,false
                """));

        assertThat(again).extracting(ImportSummary::inserted, ImportSummary::updated, ImportSummary::unchanged)
                .containsExactly(1L, 1L, 1L);
        assertThat(Sql.rows(company, "SELECT code, description, active, updated_at FROM product ORDER BY code"))
                .containsExactly(
                        List.of("P1", "Vite 4x20 zincata", "true", "2026-03-02 09:00:00.0"),
                        List.of("P2", "Tassello 8mm", "true", "2026-03-02 08:00:00.0"),
                        List.of("P3", "Silicone", "false", "2026-03-02 09:00:00.0"));
    }

    @Test
    void aPriceListFileIsTheWholeOfTheListsItNames() {
        loadProducts("P1", "P2", "P3");
        csv.load(ImportKind.PRICE_LISTS, write("price-lists.csv", """
                price_list,description,product,price
                BASE,Listino base,P1,10.00
                BASE,Listino base,P2,20.00
                RIV,Rivenditori,P1,8.50
                """));

        ImportSummary again = csv.load(ImportKind.PRICE_LISTS, write("price-lists.csv", """
                price_list,product,price
                BASE,P1,11.00
                BASE,P3,30.00
                """));

        assertThat(again.removed()).isEqualTo(1);
        assertThat(Sql.rows(company, "SELECT price_list_code, product_code, price FROM price_list_row ORDER BY 1, 2"))
                .containsExactly(
                        List.of("BASE", "P1", "11.0000"),
                        List.of("BASE", "P3", "30.0000"),
                        List.of("RIV", "P1", "8.5000"));
        assertThat(Sql.column(company, "SELECT description FROM price_list WHERE code = 'BASE'"))
                .containsExactly("Listino base");
    }

    @Test
    void aBadNumberNamesFileLineAndColumnAndNothingOfTheFileIsStored() {
        Path file = write("products.csv", """
                code,description,unit,vat_rate
                P1,Vite,PZ,22
                P2,Tassello,PZ,22
                P3,Silicone,PZ,22%
                """);

        assertThatThrownBy(() -> csv.load(ImportKind.PRODUCTS, file))
                .isInstanceOf(ImportException.class)
                .hasMessage("products.csv line 4, column vat_rate: '22%' is not a number. No row of the file was stored.");
        assertNothingStored("product");
    }

    @Test
    void aDecimalCommaIsRefusedWithTheFix() {
        Path file = write("stock.csv", "product,quantity\nP1,\"12,5\"\n");
        loadProducts("P1");

        assertThatThrownBy(() -> csv.load(ImportKind.STOCK, file))
                .hasMessageContaining("stock.csv line 2, column quantity: '12,5' is not a number; use a decimal point, as in 12.50");
        assertNothingStored("stock");
    }

    @Test
    void anUnknownAgentIsRefused() {
        Path file = write("customers.csv", """
                code,name,agent
                C1,Ferramenta Rossi,A09
                """);

        assertThatThrownBy(() -> csv.load(ImportKind.CUSTOMERS, file))
                .hasMessage("customers.csv line 2, column agent: unknown agent A09; import it with the agents first."
                        + " No row of the file was stored.");
        assertNothingStored("customer");
    }

    @Test
    void anUnknownProductIsRefused() {
        loadProducts("P1");
        Path file = write("price-lists.csv", """
                price_list,product,price
                BASE,P1,1.00
                BASE,P404,2.00
                """);

        assertThatThrownBy(() -> csv.load(ImportKind.PRICE_LISTS, file))
                .hasMessageStartingWith("price-lists.csv line 3, column product: unknown product P404");
        assertNothingStored("price_list_row");
        assertNothingStored("price_list");
    }

    @Test
    void anUnknownCustomerIsRefused() {
        loadProducts("P1");
        Path file = write("special-prices.csv", "customer,product,price\nC404,P1,1.00\n");

        assertThatThrownBy(() -> csv.load(ImportKind.SPECIAL_PRICES, file))
                .hasMessageStartingWith("special-prices.csv line 2, column customer: unknown customer C404");
        assertNothingStored("special_price");
    }

    @Test
    void aKeyGivenTwiceIsRefusedWithBothLines() {
        Path file = write("products.csv", """
                code,description,unit,vat_rate
                P1,Vite,PZ,22
                P2,Tassello,PZ,22
                P1,Vite bis,PZ,22
                """);

        assertThatThrownBy(() -> csv.load(ImportKind.PRODUCTS, file))
                .hasMessage("products.csv line 4, column code: duplicate key P1, already on line 2; each row may appear"
                        + " once. No row of the file was stored.");
        assertNothingStored("product");
    }

    @Test
    void aMissingColumnIsNamedWithTheColumnsTheKindNeeds() {
        Path file = write("products.csv", "code,description,unit\nP1,Vite,PZ\n");

        assertThatThrownBy(() -> csv.load(ImportKind.PRODUCTS, file))
                .hasMessage("products.csv line 1: missing column vat_rate; a products file needs the columns code,"
                        + " description, unit, vat_rate. No row of the file was stored.");
    }

    @Test
    void aMissingValueIsNamed() {
        Path file = write("agents.csv", "code,name,email\nA01,,a@b.it\n");

        assertThatThrownBy(() -> csv.load(ImportKind.AGENTS, file))
                .hasMessage("agents.csv line 2, column name: the value is missing; every line needs a name."
                        + " No row of the file was stored.");
    }

    @Test
    void aLineWithAMissingFieldIsRefused() {
        Path file = write("products.csv", """
                code,description,unit,vat_rate
                P1,Vite,PZ,22
                P2,Tassello,22
                """);

        assertThatThrownBy(() -> csv.load(ImportKind.PRODUCTS, file))
                .hasMessageStartingWith("products.csv line 3: the line has 3 fields but the header names 4 columns");
        assertNothingStored("product");
    }

    @Test
    void anUnknownColumnIsRefusedRatherThanIgnored() {
        Path file = write("products.csv", "code,description,unit,vat rate\nP1,Vite,PZ,22\n");

        assertThatThrownBy(() -> csv.load(ImportKind.PRODUCTS, file))
                .hasMessageStartingWith("products.csv line 1, column vat rate: unknown column for a products file");
    }

    @Test
    void aFileThatIsNotUtf8IsRefused() throws IOException {
        Path file = dir.resolve("customers.csv");
        Files.write(file, "code,name\nC1,Caff\u00e8 Rossi\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> csv.load(ImportKind.CUSTOMERS, file))
                .hasMessageStartingWith("customers.csv is not UTF-8 text");
        assertNothingStored("customer");
    }

    @Test
    void theByteOrderMarkSpreadsheetsWriteIsSkipped() {
        Path file = write("agents.csv", "\uFEFFcode,name\nA01,Marco Bianchi\n");

        csv.load(ImportKind.AGENTS, file);

        assertThat(Sql.column(company, "SELECT name FROM agent")).containsExactly("Marco Bianchi");
    }

    @Test
    void aControlCharacterNoPackageCanCarryIsRefusedNamingLineColumnAndCharacter() {
        csv.load(ImportKind.AGENTS, write("agents.csv", "code,name\nA01,Marco Bianchi\n"));
        Path file = write("customers.csv", "code,name,agent\nC1,Ferramenta Rossi,A01\nC2,Bad\u0001name,A01\n");

        assertThatThrownBy(() -> csv.load(ImportKind.CUSTOMERS, file))
                .hasMessage("customers.csv line 3, column name: character 4 is U+0001, a control character no package"
                        + " can carry to the agents; remove it in the back-end and import the file again. No row of"
                        + " the file was stored.");
        assertNothingStored("customer");
    }

    @Test
    void aTabInATextTravelsAndIsAccepted() {
        csv.load(ImportKind.AGENTS, write("agents.csv", "code,name\nA01,Marco Bianchi\n"));

        csv.load(ImportKind.CUSTOMERS, write("customers.csv", "code,name,agent\nC1,\"Ferramenta\tRossi\",A01\n"));

        assertThat(Sql.column(company, "SELECT name FROM customer")).containsExactly("Ferramenta\tRossi");
    }

    @Test
    void aCustomerCodeFromAnAgentsOwnSeriesIsRefusedAtTheHeadOffice() {
        csv.load(ImportKind.AGENTS, write("agents.csv", "code,name\nA01,Marco Bianchi\n"));
        Path file = write("customers.csv", "code,name,agent\nA01-00007,Ferramenta Rossi,A01\n");

        assertThatThrownBy(() -> csv.load(ImportKind.CUSTOMERS, file))
                .hasMessageContaining("A01-00007 has the shape of agent A01's own customer codes");
        assertNothingStored("customer");
    }

    @Test
    void anAgentCodeThatCannotPrefixASeriesIsRefused() {
        Path file = write("agents.csv", "code,name\nA-1,Marco Bianchi\n");

        assertThatThrownBy(() -> csv.load(ImportKind.AGENTS, file))
                .hasMessageStartingWith("agents.csv line 2, column code: agent code 'A-1' is not valid");
    }

    @Test
    void aMissingFileSaysSo() {
        assertThatThrownBy(() -> csv.load(ImportKind.PRODUCTS, dir.resolve("nope.csv")))
                .hasMessageContaining("there is no file");
    }

    @ParameterizedTest
    @EnumSource(ImportKind.class)
    void anEmptyFileIsRefusedWithTheColumnsItNeeds(ImportKind kind) {
        Path file = write(kind.label() + ".csv", "");

        assertThatThrownBy(() -> csv.load(kind, file))
                .hasMessageContaining("is empty; " + ("aeiou".indexOf(kind.label().charAt(0)) >= 0 ? "an " : "a ")
                        + kind.label() + " file starts with a header line");
    }

    private void loadProducts(String... codes) {
        StringBuilder text = new StringBuilder("code,description,unit,vat_rate\n");
        for (String code : codes) {
            text.append(code).append(",Product ").append(code).append(",PZ,22\n");
        }
        csv.load(ImportKind.PRODUCTS, write("seed-products.csv", text.toString()));
    }

    private void assertNothingStored(String table) {
        assertThat(Sql.count(company, "SELECT COUNT(*) FROM " + table)).as("rows in " + table).isZero();
    }

    private Path write(String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
