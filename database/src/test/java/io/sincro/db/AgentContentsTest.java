package io.sincro.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.db.agents.Agents;
import io.sincro.db.customers.Customers;
import io.sincro.db.orders.Order;
import io.sincro.db.orders.OrderExports;
import io.sincro.db.orders.OrderNumber;
import io.sincro.db.orders.OrderStatus;
import io.sincro.db.orders.Orders;
import io.sincro.db.testing.Rows;
import io.sincro.db.testing.TestClock;
import io.sincro.db.testing.TestDatabases;

/** What a head office with agents A01 and A02 and one customer each holds of each agent. */
class AgentContentsTest {

    @TempDir
    Path dir;

    private final TestClock clock = TestClock.at("2026-03-10T12:00:00Z");
    private Database company;

    @BeforeEach
    void aCompanyWithTwoAgents() {
        company = TestDatabases.create(dir.resolve("company"), Station.headOffice(), clock);
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
    void eachAgentHasItsCustomersAndNoOrdersBeforeAnyArrive() {
        assertThat(company.inTransaction(AgentContents::perAgent))
                .extracting(AgentContents::agentCode, AgentContents::customers, AgentContents::orders, AgentContents::ordersPending)
                .containsExactly(tuple("A01", 1L, 0L, 0L), tuple("A02", 1L, 0L, 0L));
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

        AgentContents a01 = agent("A01");

        assertThat(a01.orders()).isEqualTo(4);
        assertThat(a01.ordersPending()).isEqualTo(2);
        assertThat(agent("A02").ordersPending()).isZero();
    }

    private AgentContents agent(String code) {
        return company.inTransaction(AgentContents::perAgent).stream().filter(a -> a.agentCode().equals(code)).findFirst()
                .orElseThrow();
    }

    private static Order order(String agent, int number, Origin origin) {
        return new Order(new OrderNumber(agent, number), agent, "C00001", origin, OrderStatus.RECEIVED,
                LocalDate.of(2026, 3, 9), null, null, Rows.T0);
    }
}
