package io.sincro.office.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
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

import io.sincro.db.Database;
import io.sincro.db.changes.ChangeSource;
import io.sincro.db.customers.Customers;
import io.sincro.db.prices.SpecialPrice;
import io.sincro.db.prices.SpecialPrices;
import io.sincro.db.testing.Rows;
import io.sincro.db.testing.Sql;
import io.sincro.db.testing.TestClock;
import io.sincro.office.SampleCompany;
import io.sincro.office.imports.CsvImport;
import io.sincro.office.imports.ImportKind;
import io.sincro.office.imports.ImportSummary;
import io.sincro.office.orders.ReceivedOrders;

/**
 * What the head office hands on to the back-end. The agents' rows are stored as an agent's sync
 * stores them (the sync module's tests send them for real).
 */
class BackEndExportTest {

    private static final String CUSTOMER_23 = "Termoidraulica De Luca s.r.l.,83937523633,Via Rinaldi 56,Varese";

    @TempDir
    Path dir;

    private final TestClock clock = TestClock.at("2026-03-02T08:00:00Z");
    private Database company;
    private BackEndExport export;

    @BeforeEach
    void companyWithTwoReceivedOrders() {
        company = SampleCompany.loaded(dir.resolve("company"), clock);
        ReceivedOrders.receive(company, "A01", 1, "C00001", "P00001", "P00002");
        ReceivedOrders.receive(company, "A02", 7, "C00023", "P00003");
        export = new BackEndExport(company);
    }

    @AfterEach
    void close() {
        company.close();
    }

    private void agentCreates(String code, String name) {
        company.useTransaction(c -> new Customers().insert(c,
                Rows.customer(code).named(name).assignedTo("A01").priceList("BASE").createdByAgent().build(),
                ChangeSource.RECEIVED));
    }

    private void agentEdits(String customer, String product, String price) {
        company.useTransaction(c -> new SpecialPrices().save(c, new SpecialPrice(customer, product,
                new BigDecimal(price), BigDecimal.ZERO, clock.instant(), "A01"), ChangeSource.RECEIVED));
    }

    @Test
    void ordersAreWrittenOneRowPerLineWithTheCustomersDetailsAndTheTotals() throws IOException {
        ExportSummary summary = export.export(ExportKind.ORDERS, dir.resolve("orders.csv"), false);

        assertThat(summary.records()).isEqualTo(2);
        assertThat(summary.rows()).isEqualTo(3);
        assertThat(summary).hasToString("2 orders (3 lines)");
        assertThat(Files.readAllLines(dir.resolve("orders.csv"))).containsExactly(
                "order,series,number,agent,customer,customer_name,vat_number,address,city,order_date,delivery_date,"
                        + "notes,status,line,product,quantity,unit_price,discount,line_amount,order_total",
                "A01/000001,A01,1,A01,C00001,Utensileria Lombardi s.r.l.,80276251750,Via Greco 57,Monza,2026-03-02,,"
                        + "\"before noon, please\",received,1,P00001,2.000,10.5000,0.00,21.00,42.00",
                "A01/000001,A01,1,A01,C00001,Utensileria Lombardi s.r.l.,80276251750,Via Greco 57,Monza,2026-03-02,,"
                        + "\"before noon, please\",received,2,P00002,2.000,10.5000,0.00,21.00,42.00",
                "A02/000007,A02,7,A02,C00023," + CUSTOMER_23 + ",2026-03-02,,"
                        + "\"before noon, please\",received,1,P00003,2.000,10.5000,0.00,21.00,21.00");
    }

    @Test
    void eachOrderIsExportedOnceUnlessAskedAgain() {
        export.export(ExportKind.ORDERS, dir.resolve("first.csv"), false);
        ReceivedOrders.receive(company, "A01", 2, "C00001", "P00009");

        ExportSummary second = export.export(ExportKind.ORDERS, dir.resolve("second.csv"), false);
        ExportSummary again = export.export(ExportKind.ORDERS, dir.resolve("again.csv"), true);

        assertThat(second.records()).isEqualTo(1);
        assertThat(second).hasToString("1 order (1 line)");
        assertThat(again.records()).isEqualTo(3);
    }

    @Test
    void withoutANamedFileTwoExportsOfOneSecondTakeTwoNamesInTheStationsExportsFolder() throws IOException {
        Instant at = Instant.parse("2026-03-02T09:00:00Z");
        Path first = BackEndExport.fileIn(dir, ExportKind.ORDERS, at);
        Files.createDirectories(first.getParent());
        Files.writeString(first, "taken");

        Path second = BackEndExport.fileIn(dir, ExportKind.ORDERS, at);

        assertThat(first).isEqualTo(dir.resolve("exports/orders-20260302-090000.csv"));
        assertThat(second).isEqualTo(dir.resolve("exports/orders-20260302-090000-2.csv"));
    }

    @Test
    void nothingWaitingWritesNoFile() {
        export.export(ExportKind.ORDERS, dir.resolve("first.csv"), false);

        ExportSummary nothing = export.export(ExportKind.ORDERS, dir.resolve("second.csv"), false);

        assertThat(nothing.records()).isZero();
        assertThat(dir.resolve("second.csv")).doesNotExist();
    }

    @Test
    void anExistingFileIsNeverOverwrittenAndNothingIsMarked() throws IOException {
        Files.writeString(dir.resolve("orders.csv"), "the back-end's own file");

        assertThatThrownBy(() -> export.export(ExportKind.ORDERS, dir.resolve("orders.csv"), false))
                .isInstanceOf(ExportException.class)
                .hasMessageContaining("already exists; name a new file");

        assertThat(Files.readString(dir.resolve("orders.csv"))).isEqualTo("the back-end's own file");
        assertThat(export.export(ExportKind.ORDERS, dir.resolve("fresh.csv"), false).records()).isEqualTo(2);
    }

    @Test
    void aFolderThatCannotBeWrittenIsRefusedAndNothingIsMarked() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("exports"), "a file, not a folder");

        assertThatThrownBy(() -> export.export(ExportKind.ORDERS, notAFolder.resolve("orders.csv"), false))
                .isInstanceOf(ExportException.class)
                .hasMessageContaining("could not write in " + notAFolder);

        assertThat(export.export(ExportKind.ORDERS, dir.resolve("fresh.csv"), false).records()).isEqualTo(2);
    }

    @Test
    void theAgentsNewCustomersGoOnceWithTheCustomersImportsHeader() throws IOException {
        agentCreates("A01-00001", "Ferramenta Nuova");

        ExportSummary first = export.export(ExportKind.CUSTOMERS, dir.resolve("customers.csv"), false);
        ExportSummary second = export.export(ExportKind.CUSTOMERS, dir.resolve("customers-2.csv"), false);

        assertThat(first).hasToString("1 customer");
        assertThat(Files.readAllLines(dir.resolve("customers.csv"))).containsExactly(
                "code,name,vat_number,address,city,email,phone,agent,price_list",
                "A01-00001,Ferramenta Nuova,IT01234567890,Via Roma 1,Milano,,,A01,BASE");
        assertThat(second.records()).isZero();
    }

    @Test
    void anAgentsEditGoesOnceAndAgainWhenItEditsThePriceOnceMore() {
        agentEdits("C00001", "P00049", "35.00");

        ExportSummary first = export.export(ExportKind.SPECIAL_PRICES, dir.resolve("prices-1.csv"), false);
        ExportSummary unchanged = export.export(ExportKind.SPECIAL_PRICES, dir.resolve("prices-2.csv"), false);
        clock.advance(Duration.ofHours(1));
        agentEdits("C00001", "P00049", "36.00");
        ExportSummary edited = export.export(ExportKind.SPECIAL_PRICES, dir.resolve("prices-3.csv"), false);

        assertThat(first).hasToString("1 special price");
        assertThat(unchanged.records()).isZero();
        assertThat(edited.records()).isEqualTo(1);
        assertThat(dir.resolve("prices-3.csv")).content()
                .isEqualTo("customer,product,price,discount\nC00001,P00049,36.0000,0.00\n");
    }

    @Test
    void theHeadOfficesOwnPricesAreNotExported() {
        ExportSummary nothing = export.export(ExportKind.SPECIAL_PRICES, dir.resolve("prices.csv"), true);

        assertThat(nothing.records()).isZero();
    }

    @Test
    void aCellASpreadsheetWouldRunStartsWithAQuoteAndLoadsBackAsTyped() throws IOException {
        agentCreates("A01-00002", "=HYPERLINK(\"http://evil\",\"click\")");
        agentCreates("A01-00003", "@SUM(1+1)");
        agentCreates("A01-00004", "-2+3");
        agentCreates("A01-00005", "+39 shop");
        Path file = dir.resolve("customers.csv");

        export.export(ExportKind.CUSTOMERS, file, false);
        ImportSummary loaded = new CsvImport(company).load(ImportKind.CUSTOMERS, file);

        assertThat(Files.readAllLines(file)).extracting(line -> line.split(",")[1]).containsExactly(
                "name", "\"'=HYPERLINK(\"\"http://evil\"\"", "'@SUM(1+1)", "'-2+3", "'+39 shop");
        assertThat(Sql.column(company, "SELECT name FROM customer WHERE code LIKE 'A01-%' ORDER BY code"))
                .containsExactly("=HYPERLINK(\"http://evil\",\"click\")", "@SUM(1+1)", "-2+3", "+39 shop");
        assertThat(loaded.unchanged()).isEqualTo(4);
    }

    @Test
    void anExportedSpecialPricesFileLoadsBackChangingNothing() {
        agentEdits("C00001", "P00049", "35.00");
        Path file = dir.resolve("prices.csv");
        export.export(ExportKind.SPECIAL_PRICES, file, false);

        ImportSummary summary = new CsvImport(company).load(ImportKind.SPECIAL_PRICES, file);

        assertThat(summary.updated()).isZero();
        assertThat(summary.conflicts()).isZero();
        assertThat(Sql.rows(company, "SELECT price, updated_by FROM special_price"
                + " WHERE customer_code = 'C00001' AND product_code = 'P00049'"))
                .containsExactly(List.of("35.0000", "A01"));
    }

    @Test
    void kindsAreNamedAsOnTheCommandLineInAnyCase() {
        assertThat(ExportKind.fromLabel("Special-Prices")).contains(ExportKind.SPECIAL_PRICES);
        assertThat(ExportKind.fromLabel("agents")).isEmpty();
    }
}
