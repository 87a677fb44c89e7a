package io.sincro.sync.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.db.Database;
import io.sincro.db.Origin;
import io.sincro.db.catalog.Products;
import io.sincro.db.changes.ChangeSource;
import io.sincro.db.customers.Customers;
import io.sincro.db.orders.Order;
import io.sincro.db.orders.OrderNumber;
import io.sincro.db.orders.OrderStatus;
import io.sincro.db.orders.OrderStatuses;
import io.sincro.db.orders.Orders;
import io.sincro.db.orders.StatusChange;
import io.sincro.db.testing.Rows;
import io.sincro.db.testing.Sql;
import io.sincro.format.Entity;
import io.sincro.format.PackageKind;
import io.sincro.format.PackageRefusedException;
import io.sincro.format.PackageRefusedException.Reason;
import io.sincro.format.file.WrittenPackage;
import io.sincro.format.rows.OrderStatusUpdate;
import io.sincro.format.testing.Forge;
import io.sincro.rules.flow.Note;
import io.sincro.sync.ImportReport;
import io.sincro.sync.Sample;
import io.sincro.sync.World;

/** Orders and their status: MISSION.md's second and third rows. */
class OrderRulesTest {

    @TempDir
    Path dir;

    private World world;
    private final Orders orders = new Orders();
    private final OrderStatuses statuses = new OrderStatuses();

    @BeforeEach
    void anAgentThatSyncedOnce() {
        world = new World(dir);
        world.hq.useTransaction(c -> {
            new Products().save(c, Rows.product("P1"), world.hqClock.instant());
            new Products().save(c, Rows.product("P2"), world.hqClock.instant());
            new Customers().save(c, Rows.customer("C1").assignedTo("A01").build(), world.hqClock.instant());
        });
        world.syncDown("A01");
    }

    @AfterEach
    void close() {
        world.close();
    }

    private void enterAtAgent(int number, OrderStatus status) {
        world.agent("A01").useTransaction(c -> orders.insert(c, Sample.order("A01", number, "C1", status),
                Sample.lines("P1", "P2")));
    }

    @Test
    void aSubmittedOrderReachesTheHeadOfficeUnderTheAgentsOwnSeriesAndNumberAsReceived() {
        enterAtAgent(42, OrderStatus.SUBMITTED);
        world.hqClock.advance(Duration.ofHours(1));

        world.syncUp("A01");

        Order received = world.hq.inTransaction(c -> orders.find(c, new OrderNumber("A01", 42))).orElseThrow();
        assertThat(received.status()).isEqualTo(OrderStatus.RECEIVED);
        assertThat(status(world.hq, 42)).isEqualTo(new StatusChange(new OrderNumber("A01", 42), OrderStatus.RECEIVED,
                null, null, world.hqClock.instant(), "HQ"));
        assertThat(received.origin()).isEqualTo(Origin.AGENT);
        assertThat(received.agentCode()).isEqualTo("A01");
        List<io.sincro.db.orders.OrderLine> lines = world.hq.inTransaction(c -> orders.lines(c, received.number()));
        assertThat(lines).isEqualTo(Sample.lines("P1", "P2"));
    }

    @Test
    void draftsNeverLeaveTheAgent() {
        enterAtAgent(1, OrderStatus.DRAFT);

        WrittenPackage up = world.sendUp("A01");

        assertThat(world.exchange.contents(up).rows()).noneMatch(r -> r instanceof io.sincro.format.rows.Order);
    }

    @Test
    void theSameOrderArrivingTwiceIsStoredOnce() {
        enterAtAgent(7, OrderStatus.SUBMITTED);
        world.syncUp("A01");
        // the agent marks it sent, as a change of its own: it changed, so it travels again
        world.agent("A01").useTransaction(c -> statuses.change(c, new StatusChange(new OrderNumber("A01", 7),
                OrderStatus.SENT, null, null, world.clock("A01").instant(), "A01"), ChangeSource.LOCAL));

        ImportReport again = world.syncUp("A01");

        assertThat(again.receipt().tally(Entity.ORDERS).orElseThrow().ignored()).isEqualTo(1);
        assertThat(again.receipt().notes()).extracting(Note::text).containsExactly("already received; stored once");
        assertThat(Sql.count(world.hq, "SELECT COUNT(*) FROM customer_order")).isEqualTo(1);
        assertThat(Sql.count(world.hq, "SELECT COUNT(*) FROM order_line")).isEqualTo(2);
    }

    @Test
    void whatHappensToAnOrderAtTheHeadOfficeGoesBackToTheAgent() {
        enterAtAgent(3, OrderStatus.SUBMITTED);
        world.syncUp("A01");
        world.syncDown("A01");
        assertThat(world.agent("A01").inTransaction(c -> orders.find(c, new OrderNumber("A01", 3))).orElseThrow().status())
                .isEqualTo(OrderStatus.RECEIVED);

        world.hq.useTransaction(c -> statuses.change(c, new StatusChange(new OrderNumber("A01", 3),
                OrderStatus.REJECTED, "customer over credit limit", null, world.hqClock.instant(), "HQ"),
                ChangeSource.LOCAL));
        world.syncDown("A01");

        StatusChange atAgent = status(world.agent("A01"), 3);
        assertThat(atAgent.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(atAgent.reason()).isEqualTo("customer over credit limit");
    }

    @Test
    void theAgentTakesTheStatusWholeAsTheHeadOfficeSetIt() {
        enterAtAgent(4, OrderStatus.SUBMITTED);
        world.syncUp("A01");
        world.hqClock.advance(Duration.ofHours(2));
        StatusChange shipped = new StatusChange(new OrderNumber("A01", 4), OrderStatus.SHIPPED, "two boxes",
                LocalDate.of(2026, 12, 24), world.hqClock.instant(), "HQ");
        world.hq.useTransaction(c -> statuses.change(c, shipped, ChangeSource.LOCAL));
        world.clock("A01").advance(Duration.ofDays(1));

        world.syncDown("A01");

        assertThat(status(world.agent("A01"), 4)).isEqualTo(shipped);
    }

    @Test
    void aStatusFromAFormatVersion1PackageCountsAsSetByTheHeadOfficeWhenItArrived() {
        enterAtAgent(5, OrderStatus.SENT);
        world.clock("A01").advance(Duration.ofHours(3));

        ImportReport report = receiveFromHeadOffice(9, 1, """
                <orderStatus series="A01" number="5" status="SHIPPED"><reason>via corriere</reason></orderStatus>""");

        assertThat(report.header().formatVersion()).isEqualTo(1);
        assertThat(status(world.agent("A01"), 5)).isEqualTo(new StatusChange(new OrderNumber("A01", 5),
                OrderStatus.SHIPPED, "via corriere", null, world.clock("A01").instant(), "HQ"));
    }

    @Test
    void aStatusThatWouldGoBackIsNotAppliedAndTheImportSaysWhy() {
        enterAtAgent(6, OrderStatus.SENT);
        receiveFromHeadOffice(9, 2, """
                <orderStatus series="A01" number="6" status="SHIPPED" changedAt="2026-03-03T10:00:00Z" changedBy="HQ"/>""");

        // a head office restored from an older backup says it again
        ImportReport older = receiveFromHeadOffice(10, 2, """
                <orderStatus series="A01" number="6" status="ACCEPTED" changedAt="2026-03-02T10:00:00Z" changedBy="HQ"/>""");

        assertThat(status(world.agent("A01"), 6).status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(older.receipt().notes()).extracting(Note::text).containsExactly("order A01/000006 is shipped: the"
                + " head office may only set it to shipped (again, to correct the reason or expected delivery), not"
                + " accepted; a status only moves forward: received, accepted, then rejected or shipped; the status"
                + " was not applied");
    }

    @Test
    void aHeadOfficePackageCarryingAStatusSetByAnAgentIsRefused() {
        enterAtAgent(8, OrderStatus.SENT);

        assertThatThrownBy(() -> receiveFromHeadOffice(9, 2, """
                <orderStatus series="A01" number="8" status="SHIPPED" changedAt="2026-03-03T10:00:00Z" changedBy="A02"/>"""))
                .isInstanceOfSatisfying(PackageRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.RULE_VIOLATED))
                .hasMessageContaining("carries the status of order A01/000008 as set by A02");
        assertThat(status(world.agent("A01"), 8).status()).isEqualTo(OrderStatus.SENT);
    }

    @Test
    void ordersTheHeadOfficeEnteredOnAnAgentsBehalfNeverReachThatAgent() {
        world.hq.useTransaction(c -> orders.insert(c, new Order(new OrderNumber("HQ", 1), "A01", "C1", Origin.HEAD_OFFICE,
                OrderStatus.ACCEPTED, Sample.T0.atZone(java.time.ZoneOffset.UTC).toLocalDate(), null, null, Sample.T0),
                Sample.lines("P1")));

        WrittenPackage full = world.sendDown("A01", PackageKind.FULL);
        world.syncUp("A01");
        WrittenPackage delta = world.sendDown("A01", PackageKind.DELTA);

        assertThat(world.exchange.contents(full).rows()).noneMatch(r -> r instanceof OrderStatusUpdate);
        assertThat(world.exchange.contents(delta).rows()).noneMatch(r -> r instanceof OrderStatusUpdate);
    }

    @Test
    void anAgentSendingAnOrderInAnotherSeriesIsRefusedAndNothingChanges() {
        world.agent("A01").useTransaction(c -> orders.insert(c, new Order(new OrderNumber("A02", 1), "A01", "C1",
                Origin.AGENT, OrderStatus.SUBMITTED, LocalDate.of(2026, 3, 2), null, null, Sample.T0),
                Sample.lines("P1")));

        assertThatThrownBy(() -> world.syncUp("A01"))
                .isInstanceOfSatisfying(PackageRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.RULE_VIOLATED))
                .hasMessageContaining("carries order A02/000001")
                .hasMessageContaining("in its own series A01");
        assertThat(Sql.count(world.hq, "SELECT COUNT(*) FROM customer_order")).isZero();
    }

    @Test
    void anOrderForACustomerTheHeadOfficeDoesNotKnowIsRefusedSayingWhatIsMissing() {
        world.agent("A01").useTransaction(c -> {
            new Customers().insert(c, Rows.customer("C77").assignedTo("A01").build(), ChangeSource.RECEIVED);
            orders.insert(c, Sample.order("A01", 5, "C77", OrderStatus.SUBMITTED), Sample.lines("P1"));
        });

        assertThatThrownBy(() -> world.syncUp("A01"))
                .isInstanceOfSatisfying(PackageRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.RULE_VIOLATED))
                .hasMessageContaining("order A01/000005 refers to customer C77, which this station does not have");
        assertThat(Sql.count(world.hq, "SELECT COUNT(*) FROM customer_order")).isZero();
    }

    private StatusChange status(Database station, int number) {
        return station.inTransaction(c -> statuses.find(c, new OrderNumber("A01", number))).orElseThrow();
    }

    /** A package of the head office's to A01 holding {@code statuses}, as a head office of that format version writes it. */
    private ImportReport receiveFromHeadOffice(long sequence, int formatVersion, String statuses) {
        String document = Forge.document("HQ_to_A01", "HQ", "A01", sequence,
                "<count entity=\"orderStatuses\" rows=\"1\" deletions=\"0\"/>",
                "<orderStatuses>" + statuses + "</orderStatuses>")
                .replace("formatVersion=\"1\"", "formatVersion=\"" + formatVersion + "\"");
        return world.exchange.receive(world.agent("A01"),
                Forge.sealed(dir, "HQ_to_A01_%09d.sincro".formatted(sequence), document));
    }
}
