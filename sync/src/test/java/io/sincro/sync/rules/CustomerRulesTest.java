package io.sincro.sync.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.db.Database;
import io.sincro.db.catalog.PriceLists;
import io.sincro.db.catalog.Products;
import io.sincro.db.customers.Customer;
import io.sincro.db.customers.Customers;
import io.sincro.db.orders.OrderStatus;
import io.sincro.db.orders.Orders;
import io.sincro.db.prices.SpecialPrices;
import io.sincro.db.testing.Rows;
import io.sincro.db.testing.Sql;
import io.sincro.format.Entity;
import io.sincro.format.PackageKind;
import io.sincro.format.PackageRefusedException;
import io.sincro.format.PackageRefusedException.Reason;
import io.sincro.rules.conflicts.CustomerDifferences;
import io.sincro.rules.flow.CustomerDifference;
import io.sincro.rules.flow.Note;
import io.sincro.sync.ImportReport;
import io.sincro.sync.Sample;
import io.sincro.sync.World;

/** Customers: MISSION.md's first row. */
class CustomerRulesTest {

    @TempDir
    Path dir;

    private World world;
    private final Customers customers = new Customers();
    private final SpecialPrices specialPrices = new SpecialPrices();

    @BeforeEach
    void aHeadOfficeWithCustomersForTwoAgents() {
        world = new World(dir);
        world.hq.useTransaction(c -> {
            new PriceLists().save(c, Rows.priceList("L1"), world.hqClock.instant());
            new Products().save(c, Rows.product("P1"), world.hqClock.instant());
            customers.save(c, Rows.customer("C1").assignedTo("A01").priceList("L1").build(), world.hqClock.instant());
            customers.save(c, Rows.customer("C2").assignedTo("A01").build(), world.hqClock.instant());
            customers.save(c, Rows.customer("C3").assignedTo("A02").build(), world.hqClock.instant());
            customers.save(c, Rows.customer("C4").build(), world.hqClock.instant());
            specialPrices.save(c, Rows.specialPrice("C1", "P1", "8.00", "HQ"));
            specialPrices.save(c, Rows.specialPrice("C3", "P1", "7.00", "HQ"));
        });
    }

    @AfterEach
    void close() {
        world.close();
    }

    private static List<String> codes(Database db) {
        return Sql.column(db, "SELECT code FROM customer ORDER BY code");
    }

    private void createAtAgent(String agent, Customer customer) {
        world.agent(agent).useTransaction(c -> customers.insert(c, customer));
    }

    private static List<CustomerDifferences.Field> differencesAt(Database station, String code) {
        return station.inTransaction(c -> new CustomerDifferences().of(c, code));
    }

    @Test
    void anAgentsFirstSyncGivesItAllItsCustomersAndTheirSpecialPricesAndNoOneElses() {
        world.syncDown("A01");
        world.syncDown("A02");

        assertThat(codes(world.agent("A01"))).containsExactly("C1", "C2");
        assertThat(Sql.column(world.agent("A01"), "SELECT customer_code FROM special_price")).containsExactly("C1");
        assertThat(codes(world.agent("A02"))).containsExactly("C3");
        assertThat(Sql.column(world.agent("A02"), "SELECT customer_code FROM special_price")).containsExactly("C3");
    }

    @Test
    void aCustomerTheAgentCreatesReachesTheHeadOfficeAsTheAgentsOwn() {
        world.syncDown("A01");
        Customer created = Rows.customer("A01-00001").assignedTo("A01").createdByAgent().build();
        createAtAgent("A01", created);

        ImportReport report = world.syncUp("A01");

        assertThat(report.receipt().tally(Entity.CUSTOMERS).orElseThrow().inserted()).isEqualTo(1);
        java.util.Optional<Customer> atHeadOffice = world.hq.inTransaction(c -> customers.find(c, "A01-00001"));
        assertThat(atHeadOffice).contains(created);
    }

    @Test
    void aNewHeadOfficeCustomerForTheAgentComesDownInTheNextDeltaAndAnotherAgentsDoesNot() {
        world.syncDown("A01");
        world.syncUp("A01");
        world.hq.useTransaction(c -> {
            customers.save(c, Rows.customer("C5").assignedTo("A01").build(), world.hqClock.instant());
            customers.save(c, Rows.customer("C6").assignedTo("A02").build(), world.hqClock.instant());
        });

        world.syncDown("A01");

        assertThat(codes(world.agent("A01"))).containsExactly("C1", "C2", "C5");
    }

    @Test
    void theAgentsOwnCustomersDoNotComeBackDownToIt() {
        world.syncDown("A01");
        createAtAgent("A01", Rows.customer("A01-00001").assignedTo("A01").createdByAgent().build());
        world.syncUp("A01");

        var delta = world.sendDown("A01", PackageKind.DELTA);

        assertThat(world.exchange.contents(delta).rows()).noneMatch(r -> r instanceof io.sincro.format.rows.Customer);
    }

    @Test
    void aKnownCodeArrivingWithDifferentDataAtTheAgentIsNotOverwrittenAndTheDifferenceIsReported() {
        world.syncDown("A01");
        world.syncUp("A01");
        world.hq.useTransaction(c -> customers.save(c, Rows.customer("C2").named("Bar Centrale").assignedTo("A01").build(),
                world.hqClock.instant()));

        ImportReport report = world.syncDown("A01").get(1);

        assertThat(Sql.column(world.agent("A01"), "SELECT name FROM customer WHERE code = 'C2'")).containsExactly("Customer C2");
        assertThat(report.receipt().differences()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("C2");
            assertThat(d.fields()).containsExactly(new CustomerDifference.Field("name", "Customer C2", "Bar Centrale"));
        });
        assertThat(differencesAt(world.agent("A01"), "C2")).singleElement()
                .satisfies(f -> {
                    assertThat(f.name()).isEqualTo("name");
                    assertThat(f.here()).isEqualTo("Customer C2");
                    assertThat(f.arrived()).isEqualTo("Bar Centrale");
                    assertThat(f.sentBy()).isEqualTo("HQ");
                    assertThat(f.packageName()).startsWith("HQ_to_A01_");
                });
    }

    @Test
    void aKnownCodeArrivingWithDifferentDataAtTheHeadOfficeIsNotOverwrittenAndTheDifferenceIsReported() {
        world.syncDown("A01");
        createAtAgent("A01", Rows.customer("A01-00001").assignedTo("A01").createdByAgent().build());
        world.syncUp("A01");
        world.agent("A01").useTransaction(c -> customers.save(c,
                Rows.customer("A01-00001").named("Renamed at the agent").assignedTo("A01").createdByAgent().build(),
                world.clock("A01").instant()));

        ImportReport report = world.syncUp("A01");

        assertThat(Sql.column(world.hq, "SELECT name FROM customer WHERE code = 'A01-00001'")).containsExactly("Customer A01-00001");
        assertThat(report.receipt().differences()).extracting(CustomerDifference::code).containsExactly("A01-00001");
        assertThat(report.receipt().tally(Entity.CUSTOMERS).orElseThrow().inserted()).isZero();
        assertThat(differencesAt(world.hq, "A01-00001")).singleElement()
                .satisfies(f -> {
                    assertThat(f.name()).isEqualTo("name");
                    assertThat(f.arrived()).isEqualTo("Renamed at the agent");
                    assertThat(f.sentBy()).isEqualTo("A01");
                });
    }

    @Test
    void aVersionThatAgreesAgainClearsTheDifferenceKept() {
        world.syncDown("A01");
        createAtAgent("A01", Rows.customer("A01-00001").assignedTo("A01").createdByAgent().build());
        world.syncUp("A01");
        world.agent("A01").useTransaction(c -> customers.save(c,
                Rows.customer("A01-00001").named("Renamed at the agent").assignedTo("A01").createdByAgent().build(),
                world.clock("A01").instant()));
        world.syncUp("A01");
        world.agent("A01").useTransaction(c -> customers.save(c,
                Rows.customer("A01-00001").assignedTo("A01").createdByAgent().build(), world.clock("A01").instant()));

        world.syncUp("A01");

        assertThat(differencesAt(world.hq, "A01-00001")).isEmpty();
    }

    @Test
    void aCustomerReassignedToAnotherAgentLeavesTheFirstWithItsPricesAndReachesTheSecondWithThem() {
        world.syncDown("A01");
        world.syncUp("A01");
        world.syncDown("A02");
        world.syncUp("A02");
        world.hq.useTransaction(c -> customers.save(c, Rows.customer("C1").assignedTo("A02").priceList("L1").build(),
                world.hqClock.instant()));

        world.syncDown("A01");
        world.syncDown("A02");

        assertThat(codes(world.agent("A01"))).containsExactly("C2");
        assertThat(Sql.count(world.agent("A01"), "SELECT COUNT(*) FROM special_price")).isZero();
        assertThat(codes(world.agent("A02"))).containsExactly("C1", "C3");
        assertThat(Sql.column(world.agent("A02"), "SELECT customer_code FROM special_price ORDER BY 1")).containsExactly("C1", "C3");
    }

    @Test
    void aReassignedCustomerThatOrdersReferToStaysDetachedAtTheOldAgent() {
        world.syncDown("A01");
        world.syncUp("A01");
        world.agent("A01").useTransaction(c -> new Orders().insert(c, Sample.order("A01", 1, "C2", OrderStatus.SUBMITTED),
                Sample.lines("P1")));
        world.syncUp("A01");
        world.hq.useTransaction(c -> customers.save(c, Rows.customer("C2").assignedTo("A02").build(), world.hqClock.instant()));

        ImportReport report = world.syncDown("A01").get(1);

        assertThat(Sql.rows(world.agent("A01"), "SELECT code, agent_code FROM customer WHERE code = 'C2'"))
                .containsExactly(java.util.Arrays.asList("C2", null));
        assertThat(report.receipt().notes()).extracting(Note::text)
                .containsExactly("no longer assigned to this agent; kept detached because 1 order(s) refer to it");
    }

    @Test
    void anAgentSendingACustomerOutsideItsOwnSeriesIsRefusedAndNothingChanges() {
        world.syncDown("A01");
        createAtAgent("A01", Rows.customer("A01-00001").assignedTo("A01").createdByAgent().build());
        createAtAgent("A01", Rows.customer("X99").assignedTo("A01").createdByAgent().build());
        List<List<String>> before = Sql.rows(world.hq, "SELECT code, name FROM customer ORDER BY code");

        assertThatThrownBy(() -> world.syncUp("A01"))
                .isInstanceOfSatisfying(PackageRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.RULE_VIOLATED))
                .hasMessageContaining("carries customer X99")
                .hasMessageContaining("an agent sends only customers it created, coded A01-NNNNN");
        assertThat(Sql.rows(world.hq, "SELECT code, name FROM customer ORDER BY code")).isEqualTo(before);
        assertThat(Sql.count(world.hq, "SELECT COUNT(*) FROM imported_package")).isZero();
    }
}
