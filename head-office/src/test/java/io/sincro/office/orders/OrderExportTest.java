package io.sincro.office.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.db.Database;
import io.sincro.db.testing.TestClock;
import io.sincro.office.SampleCompany;

class OrderExportTest {

    @TempDir
    Path dir;

    private Database company;
    private OrderExport export;

    @BeforeEach
    void companyWithTwoReceivedOrders() {
        company = SampleCompany.loaded(dir.resolve("company"), TestClock.at("2026-03-02T08:00:00Z"));
        ReceivedOrders.receive(company, "A01", 1, "C00001", "P00001", "P00002");
        ReceivedOrders.receive(company, "A02", 7, "C00023", "P00003");
        export = new OrderExport(company);
    }

    @AfterEach
    void close() {
        company.close();
    }

    @Test
    void receivedOrdersAreWrittenOneRowPerLine() throws IOException {
        ExportSummary summary = export.export(dir.resolve("orders.csv"), false);

        assertThat(summary.orders()).isEqualTo(2);
        assertThat(summary.lines()).isEqualTo(3);
        assertThat(Files.readAllLines(dir.resolve("orders.csv"))).containsExactly(
                "order,series,number,agent,customer,order_date,delivery_date,notes,line,product,quantity,unit_price,discount",
                "A01/000001,A01,1,A01,C00001,2026-03-02,,\"before noon, please\",1,P00001,2.000,10.5000,0.00",
                "A01/000001,A01,1,A01,C00001,2026-03-02,,\"before noon, please\",2,P00002,2.000,10.5000,0.00",
                "A02/000007,A02,7,A02,C00023,2026-03-02,,\"before noon, please\",1,P00003,2.000,10.5000,0.00");
    }

    @Test
    void eachOrderIsExportedOnceUnlessAskedAgain() {
        export.export(dir.resolve("first.csv"), false);
        ReceivedOrders.receive(company, "A01", 2, "C00001", "P00009");

        ExportSummary second = export.export(dir.resolve("second.csv"), false);
        ExportSummary again = export.export(dir.resolve("again.csv"), true);

        assertThat(second.orders()).isEqualTo(1);
        assertThat(again.orders()).isEqualTo(3);
    }

    @Test
    void nothingWaitingWritesNoFile() {
        export.export(dir.resolve("first.csv"), false);

        ExportSummary nothing = export.export(dir.resolve("second.csv"), false);

        assertThat(nothing.orders()).isZero();
        assertThat(dir.resolve("second.csv")).doesNotExist();
    }

    @Test
    void anExistingFileIsNeverOverwrittenAndNoOrderIsMarked() throws IOException {
        Files.writeString(dir.resolve("orders.csv"), "the back-end's own file");

        assertThatThrownBy(() -> export.export(dir.resolve("orders.csv"), false))
                .hasMessageContaining("already exists; name a new file");

        assertThat(export.export(dir.resolve("fresh.csv"), false).orders()).isEqualTo(2);
    }
}
