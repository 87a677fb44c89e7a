package io.sincro.office.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.db.Database;
import io.sincro.db.orders.OrderNumber;
import io.sincro.db.orders.OrderStatus;
import io.sincro.db.orders.OrderStatuses;
import io.sincro.db.orders.StatusChange;
import io.sincro.db.testing.TestClock;
import io.sincro.office.SampleCompany;
import io.sincro.office.imports.CsvImport;
import io.sincro.office.imports.ImportKind;

/** The head office's statuses of agents' orders, by command ({@link StatusReports}) and by CSV file. */
class OrderStatusesTest {

    private static final String RECEIVED_MAY = "order A01/000001 is received: the head office may set it to received"
            + " (again, to correct the reason or expected delivery), accepted, rejected or shipped";

    @TempDir
    Path dir;

    private final TestClock clock = TestClock.at("2026-03-02T08:00:00Z");
    private Database company;
    private StatusReports reports;
    private OrderNumber order;

    @BeforeEach
    void companyWithAReceivedOrder() {
        company = SampleCompany.loaded(dir.resolve("company"), clock);
        reports = new StatusReports(company);
        order = ReceivedOrders.receive(company, "A01", 1, "C00001", "P00001");
    }

    @AfterEach
    void close() {
        company.close();
    }

    @Test
    void aShippedOrderCarriesItsExpectedDeliveryAndWhenTheHeadOfficeSetIt() {
        clock.advance(Duration.ofHours(2));

        reports.report(order, "shipped", null, LocalDate.of(2026, 3, 5));

        assertThat(status(order)).isEqualTo(new StatusChange(order, OrderStatus.SHIPPED, null,
                LocalDate.of(2026, 3, 5), clock.instant(), "HQ"));
    }

    @Test
    void aRejectionNeedsItsReason() {
        assertThatThrownBy(() -> reports.report(order, "rejected", " ", null))
                .isInstanceOf(OrderException.class)
                .hasMessage("order A01/000001 is rejected without a reason; give the reason, so the agent can tell its"
                        + " customer");
        assertThat(status(order).status()).isEqualTo(OrderStatus.RECEIVED);
    }

    @Test
    void aStatusThatIsNoneListsOnlyThoseThatOrderMayTakeNow() {
        assertThatThrownBy(() -> reports.report(order, "cancelled", null, null))
                .isInstanceOf(OrderException.class)
                .hasMessage(RECEIVED_MAY + "; 'cancelled' is not a status; run sincro hq order-status A01/000001 again"
                        + " with one of those");
    }

    @Test
    void aShippedOrderIsNotAcceptedAgain() {
        reports.report(order, "shipped", null, LocalDate.of(2026, 3, 5));

        assertThatThrownBy(() -> reports.report(order, "accepted", null, null))
                .hasMessage("order A01/000001 is shipped: the head office may only set it to shipped (again, to correct"
                        + " the reason or expected delivery), not accepted; a status only moves forward: received,"
                        + " accepted, then rejected or shipped; run sincro hq order-status A01/000001 again with one of"
                        + " those");
        assertThat(status(order).status()).isEqualTo(OrderStatus.SHIPPED);
    }

    @Test
    void theAgentsOwnStepsAreNotSetAtTheHeadOffice() {
        assertThatThrownBy(() -> reports.report(order, "DRAFT", null, null))
                .hasMessage(RECEIVED_MAY + ", not draft, which the agent sets; run sincro hq order-status A01/000001"
                        + " again with one of those");
    }

    @Test
    void anUnknownOrderIsNamed() {
        assertThatThrownBy(() -> reports.report(new OrderNumber("A01", 99), "accepted", null, null))
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
                A02/000004,shipped
                A01/000001,lost
                """);

        new CsvImport(company).load(ImportKind.ORDER_STATUSES, good);
        assertThatThrownBy(() -> new CsvImport(company).load(ImportKind.ORDER_STATUSES, bad))
                .hasMessage("bad.csv line 3, column status: order A01/000001 is rejected: the head office may only set"
                        + " it to rejected (again, to correct the reason or expected delivery); 'lost' is not a status;"
                        + " write one of those. No row of the file was stored.");

        assertThat(status(order).status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(status(order).reason()).isEqualTo("customer over credit limit");
        assertThat(status(second).expectedDelivery()).isEqualTo(LocalDate.of(2026, 3, 9));
    }

    @Test
    void aCsvLineThatWouldTakeAnOrderBackIsRefusedAsTheCommandRefusesIt() throws IOException {
        reports.report(order, "shipped", null, LocalDate.of(2026, 3, 5));
        Path back = Files.writeString(dir.resolve("order-statuses.csv"), """
                order,status
                A01/000001,accepted
                """);

        assertThatThrownBy(() -> new CsvImport(company).load(ImportKind.ORDER_STATUSES, back))
                .hasMessageStartingWith("order-statuses.csv line 2, column status: order A01/000001 is shipped: the head"
                        + " office may only set it to shipped")
                .hasMessageContaining("not accepted; a status only moves forward");
        assertThat(status(order).status()).isEqualTo(OrderStatus.SHIPPED);
    }

    private StatusChange status(OrderNumber number) {
        return company.inTransaction(c -> new OrderStatuses().find(c, number)).orElseThrow();
    }
}
