package io.sincro.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.sincro.agent.AgentStation;
import io.sincro.agent.orders.NewLine;
import io.sincro.db.orders.Order;
import io.sincro.db.testing.Sql;
import io.sincro.format.PackageKind;
import io.sincro.format.PackageStream;
import io.sincro.format.file.PackageFiles;
import io.sincro.format.rows.OrderLine;
import io.sincro.format.rows.OrderNumber;
import io.sincro.format.rows.OrderStatus;
import io.sincro.rules.flow.ValueLimits;

/**
 * An agent with more orders than one package may carry ({@code sync.maxOrdersPerPackage},
 * {@code sync.maxLinesPerPackage}) sends them in several packages in the same sync, each within the
 * bounds the head office checks, each order whole; the head office receives every one of them.
 */
class ManyOrdersTest {

    private static final String HISTORY = "SELECT COUNT(*) FROM order_status_history WHERE series = 'A01'";
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
    void anOrderLargerThanAPackageIsRefusedAtTheAgentSayingHowToSplitItAndNothingIsSent() {
        company.with(limits(1000, 5));
        enter(1, 6);

        assertThatThrownBy(() -> company.sync("A01"))
                .hasMessageContaining("has 6 lines, more than the 5 one package may carry (sync.maxLinesPerPackage)")
                .hasMessageContaining("sincro order withdraw A01/");
        assertThat(Sql.count(company.agent("A01"), "SELECT COUNT(*) FROM customer_order WHERE status = 'SUBMITTED'"))
                .isEqualTo(1);
        assertThat(company.syncHeadOffice().problems()).isEmpty();
        assertThat(Sql.count(company.hq, "SELECT COUNT(*) FROM customer_order WHERE series = 'A01'")).isZero();
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

    @Test
    void anOrderRefusedAfterHundredsStoredRefusesThePackageNamingItAndStoresNone() throws IOException {
        List<List<String>> before = Sql.rows(company.hq, "SELECT series, number FROM customer_order ORDER BY 1, 2");
        long history = Sql.count(company.hq, HISTORY);

        SyncReport report = forged(rows -> {
            for (int n = 1; n <= 700; n++) {
                rows.order(order(n, n == 640 ? "P99999" : "P00001"));
            }
        });

        assertThat(report.problems()).anySatisfy(p -> assertThat(p).contains("A01_to_HQ_")
                .contains("order A01/900640 line 1 refers to product P99999, which this station does not have"));
        assertThat(Sql.rows(company.hq, "SELECT series, number FROM customer_order ORDER BY 1, 2")).isEqualTo(before);
        assertThat(Sql.count(company.hq, HISTORY)).isEqualTo(history);
    }

    @Test
    void anOrderWithALineNumberTwiceRefusesThePackageNamingTheLineAndStoresNone() throws IOException {
        List<List<String>> before = Sql.rows(company.hq, "SELECT series, number FROM customer_order ORDER BY 1, 2");
        io.sincro.format.rows.Order one = order(7, "P00001");
        io.sincro.format.rows.Order twice = new io.sincro.format.rows.Order(one.number(), one.agentCode(),
                one.customerCode(), one.status(), one.orderDate(), one.deliveryDate(), one.notes(), one.createdAt(),
                List.of(one.lines().get(0), new OrderLine(1, "P00001", BigDecimal.TEN, new BigDecimal("10.00"),
                        BigDecimal.ZERO)));

        SyncReport report = forged(rows -> {
            rows.order(order(6, "P00001"));
            rows.order(twice);
        });

        assertThat(report.problems()).anySatisfy(p -> assertThat(p).contains("A01_to_HQ_")
                .contains("order A01/900007 has line 1 twice"));
        assertThat(Sql.rows(company.hq, "SELECT series, number FROM customer_order ORDER BY 1, 2")).isEqualTo(before);
    }

    @Test
    void anOrderTwiceInOnePackageIsStoredOnceEvenHundredsOfOrdersApart() throws IOException {
        SyncReport report = forged(rows -> {
            for (int n = 1; n <= 600; n++) {
                rows.order(order(n, "P00001"));
            }
            rows.order(order(3, "P00002"));
        });

        assertThat(report.problems()).isEmpty();
        assertThat(Sql.count(company.hq, RECEIVED)).isEqualTo(600);
        assertThat(Sql.column(company.hq, "SELECT product_code FROM order_line WHERE number = 900003"))
                .containsExactly("P00001");
        // each order's first status as it arrived, then RECEIVED
        assertThat(Sql.count(company.hq, HISTORY)).isEqualTo(1200);
    }

    /** A package of A01's under its genuine key, with {@code rows}, received by the head office. */
    private SyncReport forged(PackageFiles.Content<RuntimeException> rows) throws IOException {
        Forger forger = new Forger(company);
        long next = Forger.lastWritten(company.agent("A01"), PackageStream.fromAgent("A01")) + 1;
        forger.forge(forger.keysOf("A01"), PackageStream.fromAgent("A01"), next, PackageKind.DELTA, 0, rows);
        return company.syncHeadOffice();
    }

    private io.sincro.format.rows.Order order(int n, String product) {
        return new io.sincro.format.rows.Order(new OrderNumber("A01", 900_000 + n), "A01", "C00001",
                OrderStatus.SUBMITTED, LocalDate.of(2026, 3, 2), null, null, company.hqClock.instant(),
                new ArrayList<>(List.of(new OrderLine(1, product, BigDecimal.ONE, new BigDecimal("10.00"),
                        BigDecimal.ZERO))));
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
