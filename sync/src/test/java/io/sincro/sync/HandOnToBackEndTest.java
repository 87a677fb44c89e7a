package io.sincro.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.sincro.agent.AgentStation;
import io.sincro.agent.customers.NewCustomer;
import io.sincro.agent.orders.NewLine;
import io.sincro.db.customers.Customer;
import io.sincro.db.orders.Order;
import io.sincro.office.exports.BackEndExport;
import io.sincro.office.exports.ExportKind;
import io.sincro.office.exports.ExportSummary;
import io.sincro.office.imports.CsvImport;
import io.sincro.office.imports.ImportKind;
import io.sincro.office.imports.ImportSummary;

/**
 * What agent A01 sends reaches the back-end through the head office's exports: its new customer,
 * its special-price edit and its order, each once, in files the head office's import reads back.
 */
class HandOnToBackEndTest {

    @RegisterExtension
    final Company company = Company.afterFirstSyncs("A01");

    private Customer created;
    private Order order;

    private void agentSendsItsWork() {
        AgentStation a01 = company.work("A01");
        created = a01.customers().create(new NewCustomer("=Ferramenta Nuova", "01234567897", "Via Roma 1",
                "Bergamo", null, null, "BASE"));
        a01.prices().setSpecialPrice("C00001", "P00049", new BigDecimal("35.00"), BigDecimal.ZERO);
        order = a01.orders().create(created.code(), "first order");
        a01.orders().addLine(order.number(), NewLine.of("P00001", "10"));
        a01.orders().addLine(order.number(), NewLine.of("P00002", "3"));
        a01.orders().submit(order.number());
        company.sync("A01");
        company.syncHeadOffice();
    }

    private ExportSummary export(ExportKind kind, String name) {
        return new BackEndExport(company.hq).export(kind, company.root.resolve(name), false);
    }

    @Test
    void theAgentsCustomerPriceEditAndOrderEachReachTheBackEndOnce() throws IOException {
        agentSendsItsWork();

        ExportSummary customers = export(ExportKind.CUSTOMERS, "customers.csv");
        ExportSummary prices = export(ExportKind.SPECIAL_PRICES, "special-prices.csv");
        ExportSummary orders = export(ExportKind.ORDERS, "orders.csv");

        assertThat(customers).hasToString("1 customer");
        assertThat(Files.readAllLines(company.root.resolve("customers.csv"))).containsExactly(
                "code,name,vat_number,address,city,email,phone,agent,price_list",
                created.code() + ",'=Ferramenta Nuova,01234567897,Via Roma 1,Bergamo,,,A01,BASE");
        assertThat(prices).hasToString("1 special price");
        assertThat(Files.readAllLines(company.root.resolve("special-prices.csv")))
                .containsExactly("customer,product,price,discount", "C00001,P00049,35.0000,0.00");
        assertThat(orders).hasToString("1 order (2 lines)");
        List<String> orderLines = Files.readAllLines(company.root.resolve("orders.csv"));
        assertThat(orderLines).hasSize(3);
        assertThat(orderLines.get(1)).startsWith(order.number() + ",A01," + order.number().number() + ",A01,"
                + created.code() + ",'=Ferramenta Nuova,01234567897,Via Roma 1,Bergamo,");

        assertThat(export(ExportKind.CUSTOMERS, "customers-2.csv").records()).isZero();
        assertThat(export(ExportKind.SPECIAL_PRICES, "special-prices-2.csv").records()).isZero();
        assertThat(export(ExportKind.ORDERS, "orders-2.csv").records()).isZero();
    }

    @Test
    void theBackEndLoadingTheExportedFilesBackChangesNothing() {
        agentSendsItsWork();
        Path customers = company.root.resolve("customers.csv");
        Path prices = company.root.resolve("special-prices.csv");
        export(ExportKind.CUSTOMERS, "customers.csv");
        export(ExportKind.SPECIAL_PRICES, "special-prices.csv");

        ImportSummary customersBack = new CsvImport(company.hq).load(ImportKind.CUSTOMERS, customers);
        ImportSummary pricesBack = new CsvImport(company.hq).load(ImportKind.SPECIAL_PRICES, prices);

        assertThat(customersBack.unchanged()).isEqualTo(1);
        assertThat(pricesBack.unchanged()).isEqualTo(1);
        assertThat(pricesBack.conflicts()).isZero();
    }
}
