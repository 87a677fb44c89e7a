package io.sincro.db.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.sincro.db.Change;
import io.sincro.db.agents.Agents;
import io.sincro.db.catalog.PriceLists;
import io.sincro.db.catalog.Products;
import io.sincro.db.catalog.Stock;
import io.sincro.db.catalog.StockLevel;
import io.sincro.db.customers.Customers;
import io.sincro.db.prices.SpecialPrice;
import io.sincro.db.prices.SpecialPrices;
import io.sincro.db.testing.NewStation;
import io.sincro.db.testing.Rows;
import io.sincro.db.testing.Sql;
import io.sincro.db.testing.TestClock;

class ChangeTrackingTest {

    private final TestClock clock = TestClock.at("2026-03-02T08:00:00Z");

    @RegisterExtension
    final NewStation station = NewStation.headOffice(clock);

    private final ChangeSequence sequence = new ChangeSequence();
    private final Products products = new Products();
    private final PriceLists priceLists = new PriceLists();
    private final Customers customers = new Customers();
    private final SpecialPrices specialPrices = new SpecialPrices();
    private final Tombstones tombstones = new Tombstones();

    @BeforeEach
    void twoAgents() {
        station.db().useTransaction(c -> {
            new Agents().save(c, Rows.agent("A01"), clock.instant());
            new Agents().save(c, Rows.agent("A02"), clock.instant());
        });
    }

    @Test
    void everyLocalWriteTakesTheNextChangeNumber() {
        station.db().useTransaction(c -> {
            products.save(c, Rows.product("P1"), clock.instant());
            products.save(c, Rows.product("P2"), clock.instant());
        });

        assertThat(Sql.rows(station.db(), "SELECT code, change_seq FROM product ORDER BY code"))
                .containsExactly(List.of("P1", "1"), List.of("P2", "2"));
        assertThat(station.db().inTransaction(sequence::mark)).isEqualTo(2);
    }

    @Test
    void theLockHoldsOffEveryOtherTakerOfTheCounterUntilItsTransactionEnds() throws Exception {
        Sql.execute(station.db(), "CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.locks.waitTimeout', '1')");
        station.db().useTransaction(c -> {
            sequence.lock(c);

            assertThatThrownBy(() -> station.db().inTransaction(other -> sequence.next(other))).hasMessageContaining("lock could not be obtained");
            assertThatThrownBy(() -> station.db().useTransaction(sequence::lock)).hasMessageContaining("lock could not be obtained");
        });

        long next = station.db().inTransaction(c -> sequence.next(c));
        assertThat(next).isEqualTo(1);
    }

    @Test
    void aTransactionThatOnlyTookTheLockWroteNothingForItsCommitToForceToDisk() {
        station.db().useTransaction(c -> {
            sequence.lock(c);

            assertThat(transactionsThatWrote(c)).isZero();
            sequence.next(c);
            assertThat(transactionsThatWrote(c)).as("after taking a number").isOne();
        });
    }

    /** Transactions with a log record (a read-only one has no first log instant). */
    private static long transactionsThatWrote(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT COUNT(*) FROM SYSCS_DIAG.TRANSACTION_TABLE"
                        + " WHERE FIRST_INSTANT IS NOT NULL")) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void anUnchangedSaveKeepsItsChangeNumber() {
        station.db().useTransaction(c -> products.save(c, Rows.product("P1"), clock.instant()));

        Change again = station.db().inTransaction(c -> products.save(c, Rows.product("P1"), clock.instant()));

        assertThat(again).isEqualTo(Change.UNCHANGED);
        assertThat(Sql.column(station.db(), "SELECT change_seq FROM product")).containsExactly("1");
    }

    @Test
    void aRowEditedFiveTimesCarriesOnlyItsLastChangeNumber() {
        station.db().useTransaction(c -> priceLists.save(c, Rows.priceList("L1"), clock.instant()));
        station.db().useTransaction(c -> products.save(c, Rows.product("P1"), clock.instant()));
        for (int i = 1; i <= 5; i++) {
            String price = i + ".00";
            station.db().useTransaction(c -> priceLists.save(c, Rows.price("L1", "P1", price), clock.instant()));
        }

        List<String> changed = new ArrayList<>();
        station.db().useTransaction(c -> priceLists.rowsChangedSince(c, 2,
                r -> changed.add(r.productCode() + "=" + r.price())));

        assertThat(changed).containsExactly("P1=5.0000");
    }

    @Test
    void aReceivedWriteIsNotStampedSoItDoesNotTravelBack() {
        station.db().useTransaction(c -> products.save(c, Rows.product("P1"), clock.instant(), ChangeSource.RECEIVED));

        assertThat(Sql.column(station.db(), "SELECT change_seq FROM product")).containsExactly("0");
        assertThat(station.db().inTransaction(sequence::mark)).isZero();
    }

    @Test
    void reassigningACustomerRecordsADeletionForTheAgentItLeavesAndRestampsItsPrices() {
        station.db().useTransaction(c -> {
            products.save(c, Rows.product("P1"), clock.instant());
            customers.save(c, Rows.customer("C1").assignedTo("A01").build(), clock.instant());
            specialPrices.save(c, Rows.specialPrice("C1", "P1", "9.50", "HQ"));
        });
        long before = station.db().inTransaction(sequence::mark);

        station.db().useTransaction(c -> customers.save(c, Rows.customer("C1").assignedTo("A02").build(),
                clock.instant()));

        List<Tombstone> forA01 = new ArrayList<>();
        station.db().useTransaction(c -> tombstones.since(c, Tombstone.Kind.CUSTOMER, "A01", before, forA01::add));
        assertThat(forA01).extracting(Tombstone::key).containsExactly("C1");
        List<SpecialPrice> forA02 = new ArrayList<>();
        station.db().useTransaction(c -> specialPrices.ofAgentChangedSince(c, "A02", before, forA02::add));
        assertThat(forA02).extracting(SpecialPrice::productCode).containsExactly("P1");
    }

    @Test
    void removingACatalogRowRecordsADeletionForEveryAgent() {
        station.db().useTransaction(c -> {
            priceLists.save(c, Rows.priceList("L1"), clock.instant());
            products.save(c, Rows.product("P1"), clock.instant());
            priceLists.save(c, Rows.price("L1", "P1", "3.00"), clock.instant());
            new Stock().save(c, new StockLevel("P1", BigDecimal.TEN), clock.instant());
        });

        station.db().useTransaction(c -> {
            priceLists.removeRow(c, "L1", "P1", clock.instant());
            new Stock().remove(c, "P1", clock.instant());
        });

        assertThat(Sql.rows(station.db(), "SELECT entity, key1, key2, scope FROM tombstone ORDER BY entity"))
                .containsExactly(List.of("PRICE_LIST_ROW", "L1", "P1", "*"), List.of("STOCK", "P1", "", "*"));
        assertThat(Sql.count(station.db(), "SELECT COUNT(*) FROM price_list_row")).isZero();
    }

    @Test
    void aLocalSpecialPriceChangeIsStampedAfterTheVersionItReplacesEvenWithAClockBehind() {
        station.db().useTransaction(c -> {
            products.save(c, Rows.product("P1"), clock.instant());
            customers.save(c, Rows.customer("C1").assignedTo("A01").build(), clock.instant());
            specialPrices.save(c, new SpecialPrice("C1", "P1", BigDecimal.ONE, BigDecimal.ZERO,
                    Rows.T0.plusSeconds(3600), "HQ"));
        });

        station.db().useTransaction(c -> specialPrices.save(c, new SpecialPrice("C1", "P1", BigDecimal.TEN,
                BigDecimal.ZERO,
                Rows.T0, "A01")));
        SpecialPrice edited = station.db().inTransaction(c -> specialPrices.find(c, "C1", "P1")).orElseThrow();
        station.db().useTransaction(c -> specialPrices.remove(c, "C1", "P1", Rows.T0, "A01", ChangeSource.LOCAL));

        assertThat(edited.updatedAt()).isEqualTo(Rows.T0.plusSeconds(3600).plusMillis(1));
        Tombstone deleted = station.db().inTransaction(c -> tombstones.latest(c, Tombstone.Kind.SPECIAL_PRICE, "C1", "P1")).orElseThrow();
        assertThat(deleted.deletedAt()).isEqualTo(Rows.T0.plusSeconds(3600).plusMillis(2));
        assertThat(deleted.scope()).isEqualTo("A01");
    }

    @Test
    void aKeyDeletedTwiceKeepsOneTombstoneWithTheLaterChange() {
        station.db().useTransaction(c -> {
            tombstones.record(c, Tombstone.Kind.STOCK, "P1", null, Tombstone.CATALOG, clock.instant(), "HQ",
                    ChangeSource.LOCAL);
            tombstones.record(c, Tombstone.Kind.STOCK, "P1", null, Tombstone.CATALOG, clock.instant(), "HQ",
                    ChangeSource.LOCAL);
        });

        assertThat(Sql.rows(station.db(), "SELECT key1, change_seq FROM tombstone"))
                .containsExactly(List.of("P1", "2"));
    }
}
