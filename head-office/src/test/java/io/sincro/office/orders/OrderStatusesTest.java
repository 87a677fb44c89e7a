package io.sincro.office.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.db.Database;
import io.sincro.db.Station;
import io.sincro.db.orders.OrderNumber;
import io.sincro.db.orders.OrderStatus;
import io.sincro.db.orders.Orders;
import io.sincro.db.orders.StatusReport;
import io.sincro.db.testing.TestClock;
import io.sincro.office.SampleCompany;
import io.sincro.office.imports.CsvImport;
import io.sincro.office.imports.ImportKind;

class OrderStatusesTest {

    @TempDir
    Path dir;

    private final TestClock clock = TestClock.at("2026-03-02T08:00:00Z");
    private Database company;
    private OrderNumber order;

    @BeforeEach
    void companyWithAReceivedOrder() {
        company = Database.create(dir.resolve("company"), Station.headOffice(), clock);
        SampleCompany.load(company);
        order = ReceivedOrders.receive(company, "A01", 1, "C00001", "P00001");
    }

    @AfterEach
    void close() {
        company.close();
    }

    @Test
    void aShippedOrderCarriesItsExpectedDelivery() {
        new OrderStatuses(company).report(order, OrderStatus.SHIPPED, null, LocalDate.of(2026, 3, 5));

        assertThat(report(order)).isEqualTo(new StatusReport(order, OrderStatus.SHIPPED, null,
                LocalDate.of(2026, 3, 5), clock.instant()));
    }

    @Test
    void aRejectionNeedsItsReason() {
        assertThatThrownBy(() -> new OrderStatuses(company).report(order, OrderStatus.REJECTED, " ", null))
                .hasMessage("order A01/000001 is rejected without a reason; give the reason, so the agent can tell its customer");
        assertThat(report(order).status()).isEqualTo(OrderStatus.RECEIVED);
    }

    @Test
    void statusesOfTheAgentsSideAreNotSetAtTheHeadOffice() {
        assertThatThrownBy(() -> new OrderStatuses(company).report(order, OrderStatus.DRAFT, null, null))
                .hasMessageContaining("not draft");
    }

    @Test
    void anUnknownOrderIsNamed() {
        assertThatThrownBy(() -> new OrderStatuses(company).report(new OrderNumber("A01", 99), OrderStatus.ACCEPTED, null, null))
                .hasMessageStartingWith("order A01/000099 is not in the company database");
    }

    @Test
    void theBackEndsStatusesLoadFromCsvAllOrNothing() throws IOException {
        OrderNumber second = ReceivedOrders.receive(company, "A02", 4, "C00023", "P00002");
        Path good = Files.writeString(dir.resolve("order-statuses.csv"), """
                order,status,reason,expected_delivery
                A01/000001,rejected,customer over credit limit,
                A02/4,shipped,,2026-03-09
                """);
        Path bad = Files.writeString(dir.resolve("bad.csv"), """
                order,status
                A01/000001,accepted
                A02/000004,lost
                """);

        new CsvImport(company).load(ImportKind.ORDER_STATUSES, good);
        assertThatThrownBy(() -> new CsvImport(company).load(ImportKind.ORDER_STATUSES, bad))
                .hasMessage("bad.csv line 3, column status: 'lost' is not a status; use received, accepted, rejected or"
                        + " shipped. No row of the file was stored.");

        assertThat(report(order).status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(report(order).reason()).isEqualTo("customer over credit limit");
        assertThat(report(second).expectedDelivery()).isEqualTo(LocalDate.of(2026, 3, 9));
    }

    private StatusReport report(OrderNumber number) {
        return company.inTransaction(c -> new Orders().statusReport(c, number)).orElseThrow();
    }
}
