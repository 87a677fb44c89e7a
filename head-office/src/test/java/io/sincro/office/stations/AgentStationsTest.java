package io.sincro.office.stations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.db.CodeSeries;
import io.sincro.db.Database;
import io.sincro.db.Origin;
import io.sincro.db.Station;
import io.sincro.db.customers.Customers;
import io.sincro.db.orders.Order;
import io.sincro.db.orders.OrderNumber;
import io.sincro.db.orders.OrderStatus;
import io.sincro.db.orders.Orders;
import io.sincro.db.testing.Rows;
import io.sincro.db.testing.Sql;
import io.sincro.db.testing.TestClock;
import io.sincro.db.testing.TestDatabases;
import io.sincro.office.SampleCompany;

class AgentStationsTest {

    private static final String SETTINGS = "role=agent\nagent.code=A01\n";
    /** What the sync writes into a new station is the sync's to test; here it writes nothing. */
    static final StationSetup NO_EXCHANGE = (company, station, agent) -> { };

    @TempDir
    Path dir;

    private final TestClock clock = TestClock.at("2026-03-02T08:00:00Z");
    private Database company;
    private AgentStations stations;

    @BeforeEach
    void loadSampleCompany() {
        company = SampleCompany.loaded(dir.resolve("company"), clock);
        stations = new AgentStations(company, NO_EXCHANGE);
    }

    @AfterEach
    void closeCompany() {
        company.close();
    }

    @Test
    void aPreparedStationHoldsTheAgentAndNothingElse() {
        PreparedStation prepared = stations.prepare("A01", dir.resolve("a01"), SETTINGS);

        try (Database station = Database.open(prepared.database(), clock)) {
            assertThat(station.station()).isEqualTo(Station.agent("A01"));
            assertThat(Sql.rows(station, "SELECT code, name FROM agent"))
                    .containsExactly(List.of("A01", "Marco Bianchi"));
            for (String table : List.of("customer", "product", "price_list", "price_list_row", "special_price",
                    "stock", "customer_order", "order_line")) {
                assertThat(Sql.count(station, "SELECT COUNT(*) FROM " + table)).as(table).isZero();
            }
        }
        assertThat(Sql.count(company, "SELECT COUNT(*) FROM agent")).as("the company keeps its agents").isEqualTo(3);
    }

    @Test
    void theExchangesSetUpRunsInsideThePreparationAndItsFailureLeavesNoStation() throws IOException {
        List<String> calls = new ArrayList<>();
        AgentStations failing = new AgentStations(company, (from, station, agent) -> {
            calls.add(agent);
            throw new SQLException("the exchange could not be set up", "XJ999");
        });

        assertThatThrownBy(() -> failing.prepare("A01", dir.resolve("a01"), SETTINGS))
                .hasMessageContaining("the exchange could not be set up");

        assertThat(calls).containsExactly("A01");
        assertThat(dir.resolve("a01")).doesNotExist();
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("company");
        }
        assertThat(Sql.count(company, "SELECT COUNT(*) FROM agent WHERE needs_snapshot")).isZero();
    }

    @Test
    void aPreparedStationHasItsSettingsAndItsOwnNumbering() throws IOException {
        PreparedStation prepared = stations.prepare("A01", dir.resolve("a01"), SETTINGS);

        assertThat(Files.readString(prepared.directory().resolve("sincro.properties"))).isEqualTo(SETTINGS);
        assertThat(prepared.firstCustomerCode()).isEqualTo("A01-00001");
        assertThat(prepared.firstOrderNumber()).isEqualTo(new OrderNumber("A01", 1));
    }

    @Test
    void aStationPreparedAgainCarriesOnAfterWhatTheHeadOfficeReceived() {
        company.useTransaction(c -> {
            new Customers().insert(c, Rows.customer("A01-00017").assignedTo("A01").createdByAgent().build());
            new Orders().insert(c, new Order(new OrderNumber("A01", 41), "A01", "A01-00017", Origin.AGENT,
                    OrderStatus.RECEIVED, clock.instant().atZone(clock.getZone()).toLocalDate(), null, null,
                    clock.instant()), List.of());
        });

        PreparedStation prepared = stations.prepare("A01", dir.resolve("a01"), SETTINGS);

        assertThat(prepared.firstCustomerCode()).isEqualTo("A01-00018");
        assertThat(prepared.firstOrderNumber()).isEqualTo(new OrderNumber("A01", 42));
        try (Database station = Database.open(prepared.database(), clock)) {
            assertThat(station.inTransaction(c -> new CodeSeries().peek(c, CodeSeries.ORDERS)).orElseThrow())
                    .isEqualTo(42);
        }
    }

    @Test
    void anUnknownAgentIsRefusedAndNothingIsMade() {
        assertThatThrownBy(() -> stations.prepare("A09", dir.resolve("a09"), SETTINGS))
                .isInstanceOf(StationException.class)
                .hasMessage("agent A09 is not in the company database; import it first (sincro hq import agents FILE)");
        assertThat(dir.resolve("a09")).doesNotExist();
    }

    @Test
    void aFolderWithFilesInItIsRefusedAndLeftAsItWas() throws IOException {
        Path target = Files.createDirectories(dir.resolve("a01"));
        Files.writeString(target.resolve("notes.txt"), "mine");

        assertThatThrownBy(() -> stations.prepare("A01", target, SETTINGS))
                .hasMessageContaining("already holds files; give prepare-agent a new or empty folder (nothing was changed)");
        try (Stream<Path> files = Files.list(target)) {
            assertThat(files).containsExactly(target.resolve("notes.txt"));
        }
    }

    @Test
    void anEmptyFolderIsUsed() throws IOException {
        Path target = Files.createDirectories(dir.resolve("a01"));

        stations.prepare("A01", target, SETTINGS);

        assertThat(Database.exists(target.resolve("database"))).isTrue();
    }

    @Test
    void nothingIsLeftBesideTheStation() throws IOException {
        stations.prepare("A01", dir.resolve("a01"), SETTINGS);

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("company", "a01");
        }
    }

    @Test
    void anAgentStationCannotPrepareOthers() {
        try (Database station = TestDatabases.create(dir.resolve("agent-db"), Station.agent("A01"), clock)) {
            assertThatThrownBy(() -> new AgentStations(station, NO_EXCHANGE))
                    .hasMessageContaining("run prepare-agent with the head office's settings");
        }
    }
}
