package io.sincro.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.sincro.agent.AgentStation;
import io.sincro.agent.orders.NewLine;
import io.sincro.db.orders.Order;
import io.sincro.db.orders.OrderNumber;
import io.sincro.db.testing.Sql;
import io.sincro.office.orders.HeadOfficeOrder;
import io.sincro.office.orders.HeadOfficeOrders;
import io.sincro.office.orders.StatusReports;

/**
 * An order the head office enters on agent A01's behalf stays at the head office (MISSION.md's
 * flow rules): through real syncs, neither it nor its status ever reaches A01, while A01's own
 * order and its status do.
 */
class HeadOfficeOrderSyncTest {

    @RegisterExtension
    final Company company = Company.afterFirstSyncs("A01");

    @Test
    void anOrderTheHeadOfficeEnteredForTheAgentNeverReachesIt() {
        Order entered = new HeadOfficeOrders().enter(company.hq, new HeadOfficeOrder("A01", "C00001", null, null,
                "by phone", List.of(new HeadOfficeOrder.Line("P00001", new BigDecimal("5"), null, null)), null));
        new StatusReports(company.hq).report(entered.number(), "shipped", null, LocalDate.of(2026, 3, 5));
        AgentStation a01 = company.work("A01");
        OrderNumber own = a01.orders().create("C00001", null).number();
        a01.orders().addLine(own, NewLine.of("P00001", "2"));
        a01.orders().submit(own);
        company.sync("A01");
        company.syncHeadOffice();
        company.advance(Duration.ofHours(1));
        new StatusReports(company.hq).report(own, "accepted", null, null);

        company.syncHeadOffice();
        company.sync("A01");

        assertThat(entered.number()).hasToString("HQ/000001");
        assertThat(Sql.rows(company.hq, "SELECT series, number, status FROM customer_order ORDER BY series"))
                .containsExactly(List.of("A01", "1", "ACCEPTED"), List.of("HQ", "1", "SHIPPED"));
        assertThat(Sql.rows(company.agent("A01"), "SELECT series, number, status FROM customer_order"))
                .containsExactly(List.of("A01", "1", "ACCEPTED"));
        assertThat(Sql.count(company.agent("A01"), "SELECT COUNT(*) FROM order_line WHERE series = 'HQ'")).isZero();
    }
}
