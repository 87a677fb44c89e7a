package io.sincro.db.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.sincro.db.Origin;
import io.sincro.db.agents.Agents;
import io.sincro.db.catalog.Products;
import io.sincro.db.changes.ChangeSource;
import io.sincro.db.customers.Customers;
import io.sincro.db.testing.NewStation;
import io.sincro.db.testing.Rows;
import io.sincro.db.testing.TestClock;

/**
 * Lines and statuses of many orders read at once, in two series, each order with as many lines as
 * its number modulo 4 says (order 3 has lines 1 to 3, order 4 none).
 */
class ManyOrdersTest {

    private static final int ORDERS = 57;

    private final TestClock clock = TestClock.at("2026-03-02T08:00:00Z");

    @RegisterExtension
    final NewStation station = NewStation.headOffice(clock);

    private final Orders orders = new Orders();
    private final List<OrderNumber> numbers = new ArrayList<>();

    @BeforeEach
    void ordersInTwoSeries() {
        station.db().useTransaction(c -> {
            new Agents().save(c, Rows.agent("A01"), clock.instant());
            new Agents().save(c, Rows.agent("A02"), clock.instant());
            new Products().save(c, Rows.product("P1"), clock.instant());
            new Customers().insert(c, Rows.customer("C1").assignedTo("A01").build());
            for (String series : List.of("A01", "A02")) {
                for (int n = 1; n <= ORDERS; n++) {
                    OrderNumber number = new OrderNumber(series, n);
                    List<OrderLine> lines = IntStream.rangeClosed(1, n % 4).mapToObj(i -> new OrderLine(i, "P1",
                            BigDecimal.valueOf(i), BigDecimal.TEN, BigDecimal.ZERO)).toList();
                    orders.insert(c, new Order(number, series, "C1", Origin.AGENT, OrderStatus.RECEIVED,
                            LocalDate.of(2026, 3, 2), null, null, clock.instant()), lines, ChangeSource.RECEIVED);
                    numbers.add(number);
                }
            }
        });
    }

    @Test
    void eachOrderGetsItsOwnLinesInLineOrder() {
        Map<OrderNumber, List<OrderLine>> lines = station.db().inTransaction(c -> orders.linesOf(c, numbers));

        assertThat(lines).hasSize(2 * ORDERS);
        for (OrderNumber number : numbers) {
            assertThat(lines.get(number)).as("lines of %s", number)
                    .isEqualTo(station.db().inTransaction(c -> orders.lines(c, number)))
                    .hasSize(number.number() % 4);
        }
    }

    @Test
    void eachOrderGetsItsOwnStatusAndAMissingOrderNone() {
        List<OrderNumber> asked = new ArrayList<>(numbers);
        asked.add(new OrderNumber("A01", 999));
        OrderStatuses statuses = new OrderStatuses();

        Map<OrderNumber, StatusChange> found = station.db().inTransaction(c -> statuses.ofOrders(c, asked));

        assertThat(found).hasSize(2 * ORDERS).doesNotContainKey(new OrderNumber("A01", 999));
        for (OrderNumber number : numbers) {
            assertThat(found.get(number))
                    .isEqualTo(station.db().inTransaction(c -> statuses.find(c, number)).orElseThrow());
        }
    }
}
