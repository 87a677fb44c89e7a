package io.sincro.office.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.db.Database;
import io.sincro.db.Origin;
import io.sincro.db.orders.Order;
import io.sincro.db.orders.OrderNumber;
import io.sincro.db.orders.OrderStatus;
import io.sincro.db.testing.Sql;
import io.sincro.db.testing.TestClock;
import io.sincro.office.SampleCompany;
import io.sincro.office.exports.BackEndExport;
import io.sincro.office.exports.ExportKind;
import io.sincro.office.imports.CsvImport;
import io.sincro.office.imports.ImportException;
import io.sincro.office.imports.ImportKind;
import io.sincro.office.imports.ImportSummary;

/** Orders the head office enters on an agent's behalf, by hand or from the back-end's file. */
class HeadOfficeOrdersTest {

    private static final String ORDERS = "SELECT series, number, agent_code, customer_code, origin, status, backend_order"
            + " FROM customer_order ORDER BY series, number";
    private static final String LINES = "SELECT series, number, line_no, product_code, quantity, unit_price, discount"
            + " FROM order_line ORDER BY series, number, line_no";

    @TempDir
    Path dir;

    private Database company;
    private final HeadOfficeOrders orders = new HeadOfficeOrders();

    @BeforeEach
    void theSampleCompany() {
        company = SampleCompany.loaded(dir.resolve("company"), TestClock.at("2026-03-02T08:00:00Z"));
    }

    @AfterEach
    void close() {
        company.close();
    }

    private static HeadOfficeOrder.Line line(String product, String quantity) {
        return new HeadOfficeOrder.Line(product, new BigDecimal(quantity), null, null);
    }

    private Path file(String name, String... lines) throws IOException {
        return Files.write(dir.resolve(name), List.of(lines));
    }

    @Test
    void anOrderEnteredForAnAgentIsNumberedInTheHeadOfficesSeriesAndReceived() {
        Order first = orders.enter(company, new HeadOfficeOrder("A01", "C00001", null, null, "by phone",
                List.of(line("P00049", "2"), line("P00001", "1")), null));
        Order second = orders.enter(company, new HeadOfficeOrder("A01", "C00002", null, null, null,
                List.of(line("P00001", "1")), null));

        assertThat(first.number()).isEqualTo(new OrderNumber("HQ", 1));
        assertThat(second.number()).hasToString("HQ/000002");
        assertThat(first.origin()).isEqualTo(Origin.HEAD_OFFICE);
        assertThat(first.status()).isEqualTo(OrderStatus.RECEIVED);
        assertThat(first.orderDate()).isEqualTo(LocalDate.of(2026, 3, 2));
        // P00049 at C00001's special price (scripts/sample/special-prices.csv), P00001 at its price list's
        assertThat(Sql.rows(company, LINES).get(0)).containsExactly("HQ", "1", "1", "P00049", "2.000", "38.2300", "0.00");
    }

    @Test
    void aCustomerOfAnotherAgentIsRefusedAndNothingIsStored() {
        assertThatThrownBy(() -> orders.enter(company, new HeadOfficeOrder("A01", "C00023", null, null, null,
                List.of(line("P00001", "1")), null)))
                .isInstanceOf(OrderException.class)
                .hasMessage("customer C00023 is assigned to agent A02, not to agent A01; enter the order for the"
                        + " customer's agent");

        assertThat(Sql.rows(company, ORDERS)).isEmpty();
    }

    @Test
    void anUnknownProductIsRefusedNamingTheLineAndNothingIsStored() {
        assertThatThrownBy(() -> orders.enter(company, new HeadOfficeOrder("A01", "C00001", null, null, null,
                List.of(line("P00001", "1"), line("NOPE", "1")), null)))
                .hasMessage("line 2: there is no product NOPE; check the code against the products loaded");

        assertThat(Sql.rows(company, ORDERS)).isEmpty();
        assertThat(Sql.rows(company, LINES)).isEmpty();
    }

    @Test
    void theBackEndsOrdersFileEntersEachOrderOnceWithItsLines() throws IOException {
        Path orders = file("orders.csv",
                "order,agent,customer,product,quantity,unit_price,discount",
                "B-1001,A01,C00001,P00001,10,12.50,5",
                "B-1001,A01,C00001,P00002,3,,",
                "B-1002,A02,C00023,P00003,1,9,");

        ImportSummary first = new CsvImport(company).load(ImportKind.ORDERS, orders);
        ImportSummary again = new CsvImport(company).load(ImportKind.ORDERS, orders);

        assertThat(first.inserted()).isEqualTo(3);
        assertThat(again.unchanged()).isEqualTo(3);
        assertThat(Sql.rows(company, ORDERS)).containsExactly(
                List.of("HQ", "1", "A01", "C00001", "HEAD_OFFICE", "RECEIVED", "B-1001"),
                List.of("HQ", "2", "A02", "C00023", "HEAD_OFFICE", "RECEIVED", "B-1002"));
        assertThat(Sql.count(company, "SELECT COUNT(*) FROM order_line WHERE series = 'HQ' AND number = 1")).isEqualTo(2);
        // the back-end has them: they do not go back to it
        assertThat(new BackEndExport(company).export(ExportKind.ORDERS, dir.resolve("out.csv"), false).records()).isZero();
    }

    @Test
    void anOrdersFileAsTheExportWritesItLoadsBackChangingNothing() throws IOException {
        orders.enter(company, new HeadOfficeOrder("A01", "C00001", null, null, "by phone",
                List.of(line("P00049", "2"), line("P00001", "1")), null));
        Path exported = dir.resolve("exported.csv");
        new BackEndExport(company).export(ExportKind.ORDERS, exported, false);

        ImportSummary back = new CsvImport(company).load(ImportKind.ORDERS, exported);

        assertThat(back.unchanged()).isEqualTo(2);
        assertThat(Sql.count(company, "SELECT COUNT(*) FROM customer_order")).isEqualTo(1);
    }

    @Test
    void anAgentsOrderNumberInTheFileIsRefusedNamingTheLine() throws IOException {
        Path orders = file("orders.csv", "order,agent,customer,product,quantity", "A01/000009,A01,C00001,P00001,1");

        assertThatThrownBy(() -> new CsvImport(company).load(ImportKind.ORDERS, orders))
                .isInstanceOf(ImportException.class)
                .hasMessage("orders.csv line 2, column order: A01/000009 has the shape of agent A01's order numbers,"
                        + " which only that agent's station creates; give the back-end's own reference for a new"
                        + " order. No row of the file was stored.");
    }

    @Test
    void aBadLineStoresNoOrderOfTheFile() throws IOException {
        Path orders = file("orders.csv", "order,agent,customer,product,quantity",
                "B-1,A01,C00001,P00001,1", "B-2,A01,C00023,P00001,1");

        assertThatThrownBy(() -> new CsvImport(company).load(ImportKind.ORDERS, orders))
                .hasMessageContaining("orders.csv line 3, column order: order B-2: customer C00023 is assigned to agent A02");

        assertThat(Sql.rows(company, ORDERS)).isEmpty();
    }
}
