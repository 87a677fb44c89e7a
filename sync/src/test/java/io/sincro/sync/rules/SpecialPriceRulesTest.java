package io.sincro.sync.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.db.Database;
import io.sincro.db.catalog.Products;
import io.sincro.db.changes.ChangeSource;
import io.sincro.db.customers.Customers;
import io.sincro.db.prices.SpecialPrices;
import io.sincro.db.testing.Rows;
import io.sincro.db.testing.Sql;
import io.sincro.format.Entity;
import io.sincro.format.PackageStream;
import io.sincro.format.file.WrittenPackage;
import io.sincro.format.testing.Samples;
import io.sincro.rules.conflicts.PriceConflict;
import io.sincro.rules.conflicts.PriceConflicts;
import io.sincro.rules.conflicts.PriceVersion;
import io.sincro.sync.ImportReport;
import io.sincro.sync.Sample;
import io.sincro.sync.World;

/** Special prices: both ways, the most recent change wins, a tie goes to the head office. */
class SpecialPriceRulesTest {

    private static final Instant T1 = Sample.T0.plus(Duration.ofHours(1));
    private static final Instant T2 = Sample.T0.plus(Duration.ofHours(2));

    @TempDir
    Path dir;

    private World world;
    private final SpecialPrices prices = new SpecialPrices();
    private final PriceConflicts conflicts = new PriceConflicts();

    @BeforeEach
    void anAgentHoldingItsCustomersPrice() {
        world = new World(dir);
        world.hq.useTransaction(c -> {
            new Products().save(c, Rows.product("P1"), world.hqClock.instant());
            new Customers().save(c, Rows.customer("C1").assignedTo("A01").build(), world.hqClock.instant());
            prices.save(c, Sample.specialPrice("C1", "P1", "10.00", Sample.T0, "HQ"));
        });
        world.syncDown("A01");
        world.syncUp("A01");
    }

    @AfterEach
    void close() {
        world.close();
    }

    private void edit(Database db, String price, Instant at, String by) {
        db.useTransaction(c -> prices.save(c, Sample.specialPrice("C1", "P1", price, at, by)));
    }

    private static String price(Database db) {
        List<String> price = Sql.column(db, "SELECT price FROM special_price WHERE customer_code = 'C1' AND product_code = 'P1'");
        return price.isEmpty() ? "deleted" : price.get(0);
    }

    private List<PriceConflict> conflictsAt(Database db) {
        return db.inTransaction(c -> conflicts.conflicts(c));
    }

    @Test
    void whenBothSidesEditTheNewestEditWinsOnBothSidesWhicheverPackageCrossesFirst() {
        edit(world.hq, "11.00", T1, "HQ");
        edit(world.agent("A01"), "12.00", T2, "A01");

        WrittenPackage down = world.sendDown("A01", io.sincro.format.PackageKind.DELTA);
        WrittenPackage up = world.sendUp("A01");
        world.exchange.receive(world.agent("A01"), down);
        world.exchange.receive(world.hq, up);
        world.syncDown("A01");
        world.syncUp("A01");

        assertThat(price(world.hq)).isEqualTo("12.0000");
        assertThat(price(world.agent("A01"))).isEqualTo("12.0000");
    }

    @Test
    void theLosingVersionIsKeptAsAConflictWithBothValuesWhoAndWhen() {
        edit(world.hq, "11.00", T2, "HQ");
        edit(world.agent("A01"), "12.00", T1, "A01");

        ImportReport atHeadOffice = world.syncUp("A01");
        world.syncDown("A01");

        assertThat(price(world.agent("A01"))).isEqualTo("11.0000");
        assertThat(atHeadOffice.receipt().tally(Entity.SPECIAL_PRICES).orElseThrow().conflicts()).isEqualTo(1);
        assertThat(conflictsAt(world.hq)).singleElement().satisfies(conflict -> {
            assertThat(conflict.customerCode()).isEqualTo("C1");
            assertThat(conflict.kept()).isEqualTo(new PriceVersion(new BigDecimal("11.0000"), new BigDecimal("0.00"), T2, "HQ", false));
            assertThat(conflict.lost()).isEqualTo(new PriceVersion(new BigDecimal("12.0000"), new BigDecimal("0.00"), T1, "A01", false));
            assertThat(conflict.reason()).contains("most recent change wins");
            assertThat(conflict.packageName()).startsWith("A01_to_HQ_");
        });
        // the agent learns its edit gave way when the head office's version reaches it
        assertThat(conflictsAt(world.agent("A01"))).singleElement()
                .satisfies(conflict -> assertThat(conflict.lost().updatedBy()).isEqualTo("A01"));
    }

    @Test
    void theAgentRecordsTheConflictWhenTheHeadOfficesVersionArrivesFirst() {
        edit(world.hq, "11.00", T2, "HQ");
        edit(world.agent("A01"), "12.00", T1, "A01");

        world.syncDown("A01");
        world.syncUp("A01");

        assertThat(price(world.hq)).isEqualTo("11.0000");
        assertThat(price(world.agent("A01"))).isEqualTo("11.0000");
        assertThat(conflictsAt(world.agent("A01"))).singleElement()
                .satisfies(conflict -> assertThat(conflict.lost().updatedBy()).isEqualTo("A01"));
        assertThat(conflictsAt(world.hq)).isEmpty();
    }

    @Test
    void atTheSameInstantTheHeadOfficeWins() {
        edit(world.hq, "11.00", T1, "HQ");
        edit(world.agent("A01"), "12.00", T1, "A01");

        world.syncUp("A01");
        world.syncDown("A01");

        assertThat(price(world.hq)).isEqualTo("11.0000");
        assertThat(price(world.agent("A01"))).isEqualTo("11.0000");
        assertThat(conflictsAt(world.hq)).singleElement()
                .satisfies(conflict -> assertThat(conflict.reason()).contains("at the same instant the head office wins"));
    }

    @Test
    void anAgentsEditMadeAfterSeeingTheHeadOfficesVersionIsNotAConflict() {
        edit(world.hq, "11.00", T1, "HQ");
        world.syncDown("A01");
        edit(world.agent("A01"), "12.00", T2, "A01");

        world.syncUp("A01");
        world.syncDown("A01");

        assertThat(price(world.hq)).isEqualTo("12.0000");
        assertThat(conflictsAt(world.hq)).isEmpty();
        assertThat(conflictsAt(world.agent("A01"))).isEmpty();
    }

    @Test
    void theAgentKeepsItsEditThatGaveWayToALaterHeadOfficeChangeAsAConflict() {
        edit(world.agent("A01"), "12.00", T1, "A01");
        world.syncUp("A01");
        world.syncDown("A01");
        edit(world.hq, "13.00", T2, "HQ");

        world.syncDown("A01");
        world.syncUp("A01");

        assertThat(price(world.agent("A01"))).isEqualTo("13.0000");
        assertThat(conflictsAt(world.hq)).isEmpty();
        assertThat(conflictsAt(world.agent("A01"))).singleElement().satisfies(conflict -> {
            assertThat(conflict.lost().updatedBy()).isEqualTo("A01");
            assertThat(conflict.kept().updatedBy()).isEqualTo("HQ");
        });
    }

    @Test
    void anEditOnALaptopWhoseClockIsBehindStillWinsOverTheVersionItHasSeen() {
        edit(world.hq, "11.00", T2, "HQ");
        world.syncDown("A01");

        // the agent's clock says T1, an hour before the head office's edit it has just received
        edit(world.agent("A01"), "12.00", T1, "A01");
        world.syncUp("A01");
        world.syncDown("A01");

        assertThat(price(world.hq)).isEqualTo("12.0000");
        assertThat(price(world.agent("A01"))).isEqualTo("12.0000");
        assertThat(Sql.column(world.hq, "SELECT updated_at FROM special_price")).singleElement()
                .satisfies(at -> assertThat(at).startsWith("2026-03-02 10:00:00.001"));
        assertThat(conflictsAt(world.hq)).isEmpty();
    }

    @Test
    void aPriceEditedFiveTimesBetweenSyncsTravelsOnceInItsLastState() {
        for (int i = 1; i <= 5; i++) {
            edit(world.agent("A01"), i + ".00", T1.plusSeconds(i), "A01");
        }

        WrittenPackage up = world.sendUp("A01");

        assertThat(world.exchange.contents(up).rows()).filteredOn(r -> r instanceof io.sincro.format.rows.SpecialPrice)
                .containsExactly(Samples.specialPrice("C1", "P1", "5.0000", T1.plusSeconds(5), "A01"));
    }

    @Test
    void aDeletionCompetesLikeAnEditAndTheNewerWins() {
        world.hq.useTransaction(c -> prices.remove(c, "C1", "P1", T2, "HQ", ChangeSource.LOCAL));
        edit(world.agent("A01"), "12.00", T1, "A01");

        world.syncUp("A01");
        world.syncDown("A01");

        assertThat(price(world.hq)).isEqualTo("deleted");
        assertThat(price(world.agent("A01"))).isEqualTo("deleted");
        assertThat(conflictsAt(world.hq)).singleElement().satisfies(conflict -> {
            assertThat(conflict.kept().deleted()).isTrue();
            assertThat(conflict.lost().price()).isEqualByComparingTo("12.00");
        });
    }

    @Test
    void anOlderEditDoesNotBringBackANewerDeletion() {
        world.agent("A01").useTransaction(c -> prices.remove(c, "C1", "P1", T2, "A01", ChangeSource.LOCAL));
        edit(world.hq, "11.00", T1, "HQ");

        world.syncDown("A01");
        world.syncUp("A01");
        world.syncDown("A01");

        assertThat(price(world.agent("A01"))).isEqualTo("deleted");
        assertThat(price(world.hq)).isEqualTo("deleted");
    }

    @Test
    void anAgentsEditForACustomerThatMovedToAnotherAgentIsNotAppliedButKept() {
        world.hq.useTransaction(c -> new Customers().save(c, Rows.customer("C1").assignedTo("A02").build(), world.hqClock.instant()));
        edit(world.agent("A01"), "12.00", T1, "A01");

        ImportReport report = world.syncUp("A01");

        assertThat(price(world.hq)).isEqualTo("10.0000");
        assertThat(report.receipt().tally(Entity.SPECIAL_PRICES).orElseThrow().ignored()).isEqualTo(1);
        assertThat(conflictsAt(world.hq)).singleElement().satisfies(conflict -> {
            assertThat(conflict.lost().price()).isEqualByComparingTo("12.00");
            assertThat(conflict.reason()).contains("customer C1 is assigned to agent A02, not to agent A01");
        });
    }

    @Test
    void aVersionSentAgainIsNotRecordedAsANewConflict() {
        edit(world.hq, "11.00", T2, "HQ");
        edit(world.agent("A01"), "12.00", T1, "A01");
        WrittenPackage first = world.sendUp("A01");
        world.exchange.receive(world.hq, first);

        // the head office's answer has not arrived: the agent sends the same change again
        WrittenPackage again = world.exchange.delta(world.agent("A01"), PackageStream.fromAgent("A01"), 0);
        world.exchange.receive(world.hq, again);

        assertThat(conflictsAt(world.hq)).hasSize(1);
    }
}
