package io.sincro.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.sincro.db.testing.NewStation;
import io.sincro.db.testing.TestClock;

class CodeSeriesTest {

    private final TestClock clock = TestClock.at("2026-03-02T08:00:00Z");

    @RegisterExtension
    final NewStation station = NewStation.agent("A01", clock);

    private final CodeSeries series = new CodeSeries();

    @Test
    void aSeriesCountsFromOneAndNeverRepeats() {
        List<Long> taken = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            taken.add(station.db().inTransaction(c -> series.next(c, CodeSeries.ORDERS)));
        }
        assertThat(taken).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void manyNumbersTakenAtOnceAreTheNextOnesInTurn() {
        long first = station.db().inTransaction(c -> series.next(c, CodeSeries.ORDERS));
        long block = station.db().inTransaction(c -> series.next(c, CodeSeries.ORDERS, 3));
        long after = station.db().inTransaction(c -> series.next(c, CodeSeries.ORDERS));

        assertThat(List.of(first, block, after)).containsExactly(1L, 2L, 5L);
        long fresh = station.db().inTransaction(c -> series.next(c, "never-used", 2));
        long afterFresh = station.db().inTransaction(c -> series.next(c, "never-used"));
        assertThat(List.of(fresh, afterFresh)).containsExactly(1L, 3L);
    }

    @Test
    void aNumberTakenInARolledBackTransactionIsGivenAgain() {
        station.db().useTransaction(c -> series.start(c, CodeSeries.CUSTOMERS, 7));
        try {
            station.db().useTransaction(c -> {
                series.next(c, CodeSeries.CUSTOMERS);
                throw new IllegalStateException("customer refused");
            });
        } catch (IllegalStateException expected) {
            // the number went back with the rollback
        }
        long next = station.db().inTransaction(c -> series.next(c, CodeSeries.CUSTOMERS));
        assertThat(next).isEqualTo(7L);
    }
}
