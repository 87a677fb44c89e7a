package io.sincro.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.sincro.agent.AgentStation;
import io.sincro.agent.orders.NewLine;
import io.sincro.agent.orders.OrderStatusReport;
import io.sincro.db.orders.OrderNumber;
import io.sincro.db.orders.OrderStatus;
import io.sincro.db.orders.StatusChange;
import io.sincro.office.orders.StatusReports;

/**
 * An order's status through real syncs: what the head office reports reaches the agent's
 * {@code sincro order status} whole, as the head office set it.
 */
class OrderStatusSyncTest {

    /** The sample company after the first syncs of the head office and A01. */
    @RegisterExtension
    final Company company = Company.afterFirstSyncs("A01");
    private AgentStation a01;
    private OrderNumber order;

    /** A01's order A01/000001, submitted at 08:00, sent at 09:00, received by the head office at 09:30. */
    @BeforeEach
    void anOrderTheHeadOfficeReceived() {
        a01 = company.work("A01");
        order = a01.orders().create("C00001", null).number();
        a01.orders().addLine(order, NewLine.of("P00001", "2"));
        a01.orders().submit(order);
        company.advance(Duration.ofHours(1));
        company.sync("A01");
        company.hqClock.advance(Duration.ofMinutes(30));
        company.syncHeadOffice();
    }

    @Test
    void theAgentSeesWhenTheHeadOfficeReceivedItsOrder() {
        assertThat(a01.orders().status(order).status()).isEqualTo(new StatusChange(order, OrderStatus.SENT, null, null,
                Instant.parse("2026-03-02T09:00:00Z"), "A01"));

        company.sync("A01");

        assertThat(a01.orders().status(order).status()).isEqualTo(new StatusChange(order, OrderStatus.RECEIVED, null,
                null, Instant.parse("2026-03-02T09:30:00Z"), "HQ"));
    }

    @Test
    void aShipmentReachesTheAgentWithItsDeliveryDateItsNoteAndWhenTheHeadOfficeShippedIt() {
        company.advance(Duration.ofHours(2));
        Instant shipped = company.hqClock.instant();
        new StatusReports(company.hq).report(order, "shipped", "two boxes, the third follows",
                LocalDate.of(2026, 12, 24));
        company.syncHeadOffice();
        // the agent syncs in the evening
        company.advance(Duration.ofHours(8));

        company.sync("A01");

        OrderStatusReport status = a01.orders().status(order);
        assertThat(status.status()).isEqualTo(new StatusChange(order, OrderStatus.SHIPPED,
                "two boxes, the third follows", LocalDate.of(2026, 12, 24), shipped, "HQ"));
        assertThat(status.meaning())
                .isEqualTo("shipped; delivery expected on 2026-12-24; the head office notes: two boxes, the third follows");
    }

    @Test
    void aCorrectedDeliveryDateReachesTheAgentToo() {
        StatusReports reports = new StatusReports(company.hq);
        reports.report(order, "shipped", null, LocalDate.of(2026, 12, 24));
        company.syncHeadOffice();
        company.sync("A01");
        company.advance(Duration.ofDays(1));
        Instant corrected = company.hqClock.instant();

        reports.report(order, "shipped", "held at customs", LocalDate.of(2026, 12, 28));
        company.syncHeadOffice();
        company.sync("A01");

        assertThat(a01.orders().status(order).status()).isEqualTo(new StatusChange(order, OrderStatus.SHIPPED,
                "held at customs", LocalDate.of(2026, 12, 28), corrected, "HQ"));
    }
}
