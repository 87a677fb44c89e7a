package io.sincro.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.sincro.agent.AgentStation;
import io.sincro.agent.orders.NewLine;
import io.sincro.db.orders.Order;
import io.sincro.db.testing.Sql;
import io.sincro.rules.flow.ValueLimits;

/**
 * An agent with more orders than one package may carry ({@code sync.maxOrdersPerPackage},
 * {@code sync.maxLinesPerPackage}) sends them in several packages in the same sync, each within the
 * bounds the head office checks, each order whole; the head office receives every one of them.
 */
class ManyOrdersTest {

    private static final String RECEIVED = "SELECT COUNT(*) FROM customer_order WHERE status = 'RECEIVED'";

    @RegisterExtension
    final Company company = Company.afterFirstSyncs("A01");

    @Test
    void ordersAboveWhatOnePackageCarriesGoInSeveralPackagesOfOneSync() {
        company.with(limits(3, 100));
        enter(7, 2);

        SyncReport sent = company.sync("A01");
        SyncReport received = company.syncHeadOffice();

        assertThat(sent.problems()).isEmpty();
        assertThat(sent.sent()).hasSize(3);
        assertThat(Sql.count(company.agent("A01"), "SELECT COUNT(*) FROM customer_order WHERE status = 'SENT'"))
                .isEqualTo(7);
        assertThat(received.problems()).isEmpty();
        assertThat(received.received()).extracting(SyncReport.Transfer::detail)
                .anyMatch(d -> d.contains("orders 3 new")).anyMatch(d -> d.contains("orders 1 new"));
        assertThat(Sql.count(company.hq, RECEIVED)).isEqualTo(7);
        assertThat(Sql.count(company.hq, "SELECT COUNT(*) FROM order_line")).isEqualTo(14);
    }

    @Test
    void thePackagesKeepWithinTheLinesAllowedAndNeverSplitAnOrder() {
        company.with(limits(1000, 5));
        enter(5, 2);

        SyncReport sent = company.sync("A01");
        SyncReport received = company.syncHeadOffice();

        assertThat(sent.problems()).isEmpty();
        // 2 orders of 2 lines each fill 4 of the 5 lines: a third would not fit whole
        assertThat(sent.sent()).hasSize(3);
        assertThat(received.problems()).isEmpty();
        assertThat(Sql.count(company.hq, RECEIVED)).isEqualTo(5);
        assertThat(Sql.count(company.hq, "SELECT COUNT(*) FROM order_line")).isEqualTo(10);
    }

    @Test
    void ordersSubmittedAfterTheSplitSyncTravelInTheNextOne() {
        company.with(limits(2, 100));
        enter(3, 1);
        company.sync("A01");
        company.syncHeadOffice();

        enter(1, 1);
        SyncReport sent = company.sync("A01");
        SyncReport received = company.syncHeadOffice();

        assertThat(sent.problems()).isEmpty();
        assertThat(received.problems()).isEmpty();
        assertThat(Sql.count(company.hq, RECEIVED)).isEqualTo(4);
    }

    private void enter(int orders, int lines) {
        AgentStation a01 = company.work("A01");
        for (int o = 0; o < orders; o++) {
            Order order = a01.orders().create("C00001", null);
            for (int l = 1; l <= lines; l++) {
                a01.orders().addLine(order.number(), NewLine.of(String.format("P%05d", l), "2"));
            }
            a01.orders().submit(order.number());
        }
    }

    private static SyncOptions limits(int orders, int lines) {
        return new SyncOptions(Duration.ofHours(1), 30, Duration.ofMinutes(5), 50,
                new ValueLimits(new BigDecimal("1000000"), new BigDecimal("10000000"), Duration.ofHours(48), orders,
                        lines));
    }
}
