package io.sincro.db.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.sincro.db.Origin;

/** The table of status changes: forward only, each side its own steps. */
class OrderStatusTest {

    @ParameterizedTest(name = "{0}: {1} may set {2}")
    @CsvSource(delimiter = '|', textBlock = """
            DRAFT     | AGENT       | SUBMITTED
            DRAFT     | HEAD_OFFICE |
            SUBMITTED | AGENT       | SENT
            SUBMITTED | HEAD_OFFICE | RECEIVED ACCEPTED REJECTED SHIPPED
            SENT      | AGENT       |
            SENT      | HEAD_OFFICE | RECEIVED ACCEPTED REJECTED SHIPPED
            RECEIVED  | AGENT       |
            RECEIVED  | HEAD_OFFICE | RECEIVED ACCEPTED REJECTED SHIPPED
            ACCEPTED  | HEAD_OFFICE | ACCEPTED REJECTED SHIPPED
            REJECTED  | HEAD_OFFICE | REJECTED
            SHIPPED   | HEAD_OFFICE | SHIPPED
            """)
    void eachSideMovesAnOrderOnlyForwardThroughItsOwnSteps(OrderStatus current, Origin side, String allowed) {
        OrderStatus[] expected = allowed == null ? new OrderStatus[0]
                : Arrays.stream(allowed.split(" ")).map(OrderStatus::valueOf).toArray(OrderStatus[]::new);

        assertThat(current.next(side)).containsExactly(expected);
    }
}
