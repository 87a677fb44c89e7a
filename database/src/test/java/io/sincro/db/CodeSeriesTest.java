package io.sincro.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.db.testing.TestClock;
import io.sincro.db.testing.TestDatabases;

class CodeSeriesTest {

    @TempDir
    Path dir;

    private final CodeSeries series = new CodeSeries();

    @Test
    void aSeriesCountsFromOneAndNeverRepeats() {
        try (Database db = TestDatabases.create(dir.resolve("db"), Station.agent("A01"), TestClock.at("2026-03-02T08:00:00Z"))) {
            List<Long> taken = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                taken.add(db.inTransaction(c -> series.next(c, CodeSeries.ORDERS)));
            }
            assertThat(taken).containsExactly(1L, 2L, 3L, 4L, 5L);
        }
    }

    @Test
    void manyNumbersTakenAtOnceAreTheNextOnesInTurn() {
        try (Database db = TestDatabases.create(dir.resolve("db"), Station.agent("A01"), TestClock.at("2026-03-02T08:00:00Z"))) {
            long first = db.inTransaction(c -> series.next(c, CodeSeries.ORDERS));
            long block = db.inTransaction(c -> series.next(c, CodeSeries.ORDERS, 3));
            long after = db.inTransaction(c -> series.next(c, CodeSeries.ORDERS));

            assertThat(List.of(first, block, after)).containsExactly(1L, 2L, 5L);
            long fresh = db.inTransaction(c -> series.next(c, "never-used", 2));
            long afterFresh = db.inTransaction(c -> series.next(c, "never-used"));
            assertThat(List.of(fresh, afterFresh)).containsExactly(1L, 3L);
        }
    }

    @Test
    void aNumberTakenInARolledBackTransactionIsGivenAgain() {
        try (Database db = TestDatabases.create(dir.resolve("db"), Station.agent("A01"), TestClock.at("2026-03-02T08:00:00Z"))) {
            db.useTransaction(c -> series.start(c, CodeSeries.CUSTOMERS, 7));
            try {
                db.useTransaction(c -> {
                    series.next(c, CodeSeries.CUSTOMERS);
                    throw new IllegalStateException("customer refused");
                });
            } catch (IllegalStateException expected) {
                // the number went back with the rollback
            }
            long next = db.inTransaction(c -> series.next(c, CodeSeries.CUSTOMERS));
            assertThat(next).isEqualTo(7L);
        }
    }
}
