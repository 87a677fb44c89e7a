package io.sincro.office.agents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.db.Database;
import io.sincro.db.Origin;
import io.sincro.db.Station;
import io.sincro.db.agents.Agents;
import io.sincro.db.customers.Customers;
import io.sincro.db.orders.Order;
import io.sincro.db.orders.OrderExports;
import io.sincro.db.orders.OrderNumber;
import io.sincro.db.orders.OrderStatus;
import io.sincro.db.orders.Orders;
import io.sincro.db.testing.Rows;
import io.sincro.db.testing.Sql;
import io.sincro.db.testing.TestClock;

/**
 * The agents overview at a head office with agents A01 and A02 and one customer each; the sync's
 * tables (imported_package, acknowledgement) are filled the way the package importer fills them.
 */
class AgentsOverviewTest {

    @TempDir
    Path dir;

    private final TestClock clock = TestClock.at("2026-03-10T12:00:00Z");
    private Database company;

    @BeforeEach
    void aCompanyWithTwoAgents() {
        company = Database.create(dir.resolve("company"), Station.headOffice(), clock);
        company.useTransaction(c -> {
            for (String agent : new String[] {"A01", "A02"}) {
                new Agents().save(c, Rows.agent(agent), Rows.T0);
            }
            new Customers().insert(c, Rows.customer("C00001").assignedTo("A01").build());
            new Customers().insert(c, Rows.customer("C00002").assignedTo("A02").build());
        });
    }

    @AfterEach
    void close() {
        company.close();
    }

    @Test
    void anAgentThatNeverSentAnythingHasNoPackagesNoOrdersAndNoLastSync() {
        AgentSummary a01 = agent("A01");

        assertThat(a01.lastReceived()).isZero();
        assertThat(a01.lastReceivedAt()).isNull();
        assertThat(a01.lastAcknowledged()).isZero();
        assertThat(a01.ordersPending()).isZero();
        assertThat(a01.daysSinceLastSync(clock.instant())).isEmpty();
    }

    @Test
    void theLastPackageReceivedIsTheHighestOfTheAgentsOwnStream() {
        imported("A01_to_HQ", 1, "2026-03-02 08:00:00");
        imported("A01_to_HQ", 2, "2026-03-05 18:30:00");
        imported("A02_to_HQ", 7, "2026-03-09 08:00:00");
        imported("HQ_catalog", 9, "2026-03-09 08:00:00");

        AgentSummary a01 = agent("A01");

        assertThat(a01.lastReceived()).isEqualTo(2);
        assertThat(a01.lastReceivedAt()).isEqualTo(Instant.parse("2026-03-05T18:30:00Z"));
        assertThat(a01.daysSinceLastSync(clock.instant())).hasValue(4);
        assertThat(agent("A02").lastReceived()).isEqualTo(7);
    }

    @Test
    void theLastAcknowledgedIsWhatTheAgentSaidItImportedOfTheHeadOfficesStreamToIt() {
        acknowledged("HQ_to_A01", "A01", 4);
        acknowledged("HQ_catalog", "A01", 12);
        acknowledged("HQ_to_A02", "A02", 6);

        assertThat(agent("A01").lastAcknowledged()).isEqualTo(4);
        assertThat(agent("A02").lastAcknowledged()).isEqualTo(6);
    }

    @Test
    void ordersPendingAreTheAgentsReceivedOrdersNotYetExported() {
        company.useTransaction(c -> {
            Orders orders = new Orders();
            orders.insert(c, order("A01", 1, Origin.AGENT), List.of());
            orders.insert(c, order("A01", 2, Origin.AGENT), List.of());
            orders.insert(c, order("A01", 3, Origin.AGENT), List.of());
            new OrderExports().markExported(c, new OrderNumber("A01", 1), clock.instant());
            // entered at the head office on A01's behalf: never sent to the back-end as A01's
            orders.insert(c, new Order(new OrderNumber("HQ", 1), "A01", "C00001", Origin.HEAD_OFFICE,
                    OrderStatus.ACCEPTED, LocalDate.of(2026, 3, 9), null, null, clock.instant()), List.of());
        });

        AgentSummary a01 = agent("A01");

        assertThat(a01.orders()).isEqualTo(4);
        assertThat(a01.ordersPending()).isEqualTo(2);
        assertThat(agent("A02").ordersPending()).isZero();
    }

    @Test
    void daysSinceLastSyncCountsWholeDaysAndNeverGoesBelowZero() {
        AgentSummary synced = new AgentSummary("A01", "Agent A01", null, 0, 0, 0, 3,
                Instant.parse("2026-03-07T13:00:00Z"), 3, 0);

        assertThat(synced.daysSinceLastSync(Instant.parse("2026-03-10T12:59:00Z"))).hasValue(2);
        assertThat(synced.daysSinceLastSync(Instant.parse("2026-03-10T13:00:00Z"))).hasValue(3);
        assertThat(synced.daysSinceLastSync(Instant.parse("2026-03-07T12:00:00Z")))
                .as("the head office's clock behind the package's import time").isEqualTo(OptionalLong.of(0));
    }

    private AgentSummary agent(String code) {
        return new AgentsOverview(company).agents().stream().filter(a -> a.code().equals(code)).findFirst()
                .orElseThrow();
    }

    private static Order order(String agent, int number, Origin origin) {
        return new Order(new OrderNumber(agent, number), agent, "C00001", origin, OrderStatus.RECEIVED,
                LocalDate.of(2026, 3, 9), null, null, Rows.T0);
    }

    /** A row as the package importer writes it, in UTC wall time. */
    private void imported(String stream, long sequence, String at) {
        Sql.execute(company, "INSERT INTO imported_package (stream, sequence, kind, file_name, sha256, sender_clock,"
                + " clock_difference_ms, imported_at) VALUES ('" + stream + "', " + sequence + ", 'DELTA', '"
                + stream + "_" + String.format("%09d", sequence) + ".sincro', '" + "0".repeat(64) + "', '" + at
                + "', 0, '" + at + "')");
    }

    private void acknowledged(String stream, String station, long sequence) {
        Sql.execute(company, "INSERT INTO acknowledgement (stream, station, sequence, received_at) VALUES ('" + stream
                + "', '" + station + "', " + sequence + ", '2026-03-09 08:00:00')");
    }
}
