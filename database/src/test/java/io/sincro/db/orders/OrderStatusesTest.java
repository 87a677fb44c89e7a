package io.sincro.db.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.sincro.db.Change;
import io.sincro.db.Origin;
import io.sincro.db.agents.Agents;
import io.sincro.db.catalog.Products;
import io.sincro.db.changes.ChangeSource;
import io.sincro.db.customers.Customers;
import io.sincro.db.testing.NewStation;
import io.sincro.db.testing.Rows;
import io.sincro.db.testing.Sql;
import io.sincro.db.testing.TestClock;

/** Order A01/000001 at the head office, received at 08:00. */
class OrderStatusesTest {

    private static final OrderNumber ORDER = new OrderNumber("A01", 1);
    private static final String CHANGE_SEQ = "SELECT change_seq FROM customer_order WHERE number = 1";

    private final TestClock clock = TestClock.at("2026-03-02T08:00:00Z");

    @RegisterExtension
    final NewStation station = NewStation.headOffice(clock);

    private final OrderStatuses statuses = new OrderStatuses();

    @BeforeEach
    void aReceivedOrder() {
        station.db().useTransaction(c -> {
            new Agents().save(c, Rows.agent("A01"), clock.instant());
            new Products().save(c, Rows.product("P1"), clock.instant());
            new Customers().insert(c, Rows.customer("C1").assignedTo("A01").build());
            new Orders().insert(c, order(ORDER, OrderStatus.RECEIVED), List.of(
                    new OrderLine(1, "P1", BigDecimal.ONE, BigDecimal.TEN, BigDecimal.ZERO)), ChangeSource.RECEIVED);
        });
    }

    @Test
    void aNewOrderStartsInItsStatusSetWhenItWasCreatedByTheSideThatSetsIt() {
        assertThat(find(ORDER)).isEqualTo(new StatusChange(ORDER, OrderStatus.RECEIVED, null, null, clock.instant(), "HQ"));
        OrderNumber draft = new OrderNumber("A01", 2);
        station.db().useTransaction(c -> new Orders().insert(c, order(draft, OrderStatus.DRAFT), List.of()));
        assertThat(find(draft).changedBy()).isEqualTo("A01");
    }

    @Test
    void aChangeIsStoredWholeWithTheTimeItWasMade() {
        clock.advance(Duration.ofHours(3));
        StatusChange shipped = new StatusChange(ORDER, OrderStatus.SHIPPED, "two boxes", LocalDate.of(2026, 12, 24),
                clock.instant(), "HQ");

        assertThat(change(shipped, ChangeSource.LOCAL)).isEqualTo(Change.UPDATED);

        assertThat(find(ORDER)).isEqualTo(shipped);
        assertThat(find(ORDER).changedAt()).isEqualTo(Instant.parse("2026-03-02T11:00:00Z"));
    }

    @Test
    void aLocalChangeIsStampedToTravelAndAReceivedOneIsNot() {
        long before = Sql.count(station.db(), CHANGE_SEQ);

        change(hq(OrderStatus.ACCEPTED, null, null), ChangeSource.RECEIVED);
        assertThat(Sql.count(station.db(), CHANGE_SEQ)).isEqualTo(before);
        change(hq(OrderStatus.SHIPPED, null, null), ChangeSource.LOCAL);
        assertThat(Sql.count(station.db(), CHANGE_SEQ)).isGreaterThan(before);
    }

    @Test
    void aStatusNeverGoesBack() {
        change(hq(OrderStatus.SHIPPED, null, LocalDate.of(2026, 12, 24)), ChangeSource.LOCAL);

        assertThatThrownBy(() -> change(hq(OrderStatus.ACCEPTED, null, null), ChangeSource.LOCAL))
                .isInstanceOf(StatusChangeRefusedException.class)
                .hasMessage("order A01/000001 is shipped: the head office may only set it to shipped (again, to"
                        + " correct the reason or expected delivery), not accepted; a status only moves forward:"
                        + " received, accepted, then rejected or shipped");
        assertThat(find(ORDER).status()).isEqualTo(OrderStatus.SHIPPED);
    }

    @Test
    void theSameStatusAgainCorrectsItsExpectedDelivery() {
        change(hq(OrderStatus.SHIPPED, null, LocalDate.of(2026, 12, 24)), ChangeSource.LOCAL);
        clock.advance(Duration.ofDays(1));

        assertThat(change(hq(OrderStatus.SHIPPED, "held at customs", LocalDate.of(2026, 12, 28)), ChangeSource.LOCAL))
                .isEqualTo(Change.UPDATED);

        assertThat(find(ORDER).expectedDelivery()).isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(find(ORDER).reason()).isEqualTo("held at customs");
    }

    @Test
    void sayingAgainWhatTheOrderSaysChangesNothing() {
        change(hq(OrderStatus.ACCEPTED, "ok", null), ChangeSource.LOCAL);
        long stamped = Sql.count(station.db(), CHANGE_SEQ);
        clock.advance(Duration.ofHours(1));

        assertThat(change(hq(OrderStatus.ACCEPTED, "ok", null), ChangeSource.LOCAL)).isEqualTo(Change.UNCHANGED);

        assertThat(Sql.count(station.db(), CHANGE_SEQ)).isEqualTo(stamped);
        assertThat(find(ORDER).changedAt()).isEqualTo(Instant.parse("2026-03-02T08:00:00Z"));
    }

    @Test
    void aRefusalListsExactlyTheStatusesAllowedForThatOrderNow() {
        StatusChange received = find(ORDER);

        assertThat(StatusChangeRefusedException.notAllowed(received, "cancelled", Origin.HEAD_OFFICE))
                .hasMessage("order A01/000001 is received: the head office may set it to received (again, to correct"
                        + " the reason or expected delivery), accepted, rejected or shipped; 'cancelled' is not a status");
    }

    @Test
    void theAgentsStepsAreNotTheHeadOfficesToTake() {
        assertThatThrownBy(() -> change(hq(OrderStatus.SENT, null, null), ChangeSource.LOCAL))
                .hasMessageEndingWith(", not sent, which the agent sets");
        assertThatThrownBy(() -> change(new StatusChange(ORDER, OrderStatus.SHIPPED, null, null, clock.instant(), "A01"),
                ChangeSource.RECEIVED))
                .hasMessage("order A01/000001 is received: the agent cannot set its status now, not shipped, which the"
                        + " head office sets");
    }

    @Test
    void aRejectionNeedsItsReason() {
        assertThatThrownBy(() -> change(hq(OrderStatus.REJECTED, "  ", null), ChangeSource.LOCAL))
                .isInstanceOf(StatusChangeRefusedException.class)
                .hasMessage("order A01/000001 is rejected without a reason; give the reason, so the agent can tell its"
                        + " customer");
        assertThat(find(ORDER).status()).isEqualTo(OrderStatus.RECEIVED);
    }

    @Test
    void markSentMovesTheSubmittedOrdersAPackageCarriedAsTheAgentsStep() {
        OrderNumber carried = new OrderNumber("A01", 2);
        OrderNumber later = new OrderNumber("A01", 3);
        station.db().useTransaction(c -> new Orders().insert(c, order(carried, OrderStatus.SUBMITTED), List.of()));
        long mark = Sql.count(station.db(), "SELECT MAX(change_seq) FROM customer_order");
        station.db().useTransaction(c -> new Orders().insert(c, order(later, OrderStatus.SUBMITTED), List.of()));
        clock.advance(Duration.ofMinutes(5));

        int marked = station.db().inTransaction(c -> statuses.markSent(c, "A01", mark, clock.instant()));

        assertThat(marked).isEqualTo(1);
        assertThat(find(carried)).isEqualTo(new StatusChange(carried, OrderStatus.SENT, null, null,
                Instant.parse("2026-03-02T08:05:00Z"), "A01"));
        assertThat(find(later).status()).isEqualTo(OrderStatus.SUBMITTED);
    }

    @Test
    void manyOrdersInsertedTogetherAreStoredAsEachAloneWithTheirLinesAndFirstStatus() {
        OrderNumber second = new OrderNumber("A01", 2);
        OrderNumber third = new OrderNumber("A01", 3);
        station.db().useTransaction(c -> new Orders().insertAll(c, List.of(
                new OrderWithLines(order(second, OrderStatus.SENT), List.of(line(1), line(2))),
                new OrderWithLines(order(third, OrderStatus.SUBMITTED), List.of(line(1)))), ChangeSource.RECEIVED));

        assertThat(find(second)).isEqualTo(new StatusChange(second, OrderStatus.SENT, null, null, clock.instant(), "A01"));
        assertThat(lines(second)).containsExactly(line(1), line(2));
        assertThat(history(third)).containsExactly(
                new StatusChange(third, OrderStatus.SUBMITTED, null, null, clock.instant(), "A01"));
        assertThat(Sql.column(station.db(), "SELECT change_seq FROM customer_order WHERE number > 1"))
                .containsOnly("0");
    }

    @Test
    void ordersInsertedTakingAStatusAreStoredAsInsertedThenChanged() {
        OrderNumber changed = new OrderNumber("A01", 2);
        OrderNumber taking = new OrderNumber("A01", 3);
        clock.advance(Duration.ofHours(1));
        station.db().useTransaction(c -> {
            new Orders().insertAll(c, List.of(new OrderWithLines(order(changed, OrderStatus.SENT), List.of(line(1)))),
                    ChangeSource.RECEIVED);
            statuses.change(c, received(changed), ChangeSource.LOCAL);
        });

        station.db().useTransaction(c -> new Orders().insertAllTaking(c, List.of(
                new OrderWithLines(order(taking, OrderStatus.SENT), List.of(line(1)))), List.of(received(taking))));

        assertThat(find(taking)).isEqualTo(received(taking));
        assertThat(history(taking)).isEqualTo(history(changed).stream()
                .map(s -> new StatusChange(taking, s.status(), s.reason(), s.expectedDelivery(), s.changedAt(),
                        s.changedBy()))
                .toList());
        assertThat(lines(taking)).isEqualTo(lines(changed));
        // stamped as this station's change
        assertThat(Sql.column(station.db(), "SELECT change_seq FROM customer_order WHERE number > 1 ORDER BY number"))
                .hasSize(2).doesNotContain("0").doesNotHaveDuplicates();
    }

    @Test
    void ordersInsertedTakingAStatusThatMayNotFollowAreNotStored() {
        OrderNumber fine = new OrderNumber("A01", 2);
        OrderNumber backwards = new OrderNumber("A01", 3);

        assertThatThrownBy(() -> station.db().useTransaction(c -> new Orders().insertAllTaking(c, List.of(
                new OrderWithLines(order(fine, OrderStatus.SENT), List.of(line(1))),
                new OrderWithLines(order(backwards, OrderStatus.SHIPPED), List.of(line(1)))),
                List.of(received(fine), received(backwards)))))
                .isInstanceOf(StatusChangeRefusedException.class);

        assertThat(Sql.count(station.db(), "SELECT COUNT(*) FROM customer_order WHERE number > 1")).isZero();
        assertThat(Sql.count(station.db(), "SELECT COUNT(*) FROM order_status_history WHERE number > 1")).isZero();
    }

    private StatusChange received(OrderNumber number) {
        return new StatusChange(number, OrderStatus.RECEIVED, null, null, clock.instant(), "HQ");
    }

    private List<OrderLine> lines(OrderNumber number) {
        return station.db().inTransaction(c -> new Orders().lines(c, number));
    }

    private List<StatusChange> history(OrderNumber number) {
        return station.db().inTransaction(c -> statuses.history(c, number));
    }

    private static OrderLine line(int lineNo) {
        return new OrderLine(lineNo, "P1", new BigDecimal("2.000"), new BigDecimal("10.5000"), new BigDecimal("0.00"));
    }

    private StatusChange hq(OrderStatus status, String reason, LocalDate expectedDelivery) {
        return new StatusChange(ORDER, status, reason, expectedDelivery, clock.instant(), "HQ");
    }

    private Change change(StatusChange change, ChangeSource source) {
        return station.db().inTransaction(c -> statuses.change(c, change, source));
    }

    private StatusChange find(OrderNumber number) {
        return station.db().inTransaction(c -> statuses.find(c, number)).orElseThrow();
    }

    private Order order(OrderNumber number, OrderStatus status) {
        return new Order(number, "A01", "C1", Origin.AGENT, status, LocalDate.of(2026, 3, 2), null, null,
                clock.instant());
    }
}
