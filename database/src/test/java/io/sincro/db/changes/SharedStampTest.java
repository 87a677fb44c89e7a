package io.sincro.db.changes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.sincro.db.testing.NewStation;
import io.sincro.db.testing.TestClock;

class SharedStampTest {

    private final TestClock clock = TestClock.at("2026-03-02T08:00:00Z");

    @RegisterExtension
    final NewStation station = NewStation.headOffice(clock);

    private final ChangeSequence sequence = new ChangeSequence();

    @Test
    void everyWriteOfTheTransactionGetsTheNumberTheFirstTook() {
        long before = station.db().inTransaction(sequence::mark);

        long[] taken = station.db().inTransaction(c -> {
            SharedStamp stamp = new SharedStamp();
            return new long[] {stamp.take(c), stamp.take(c), stamp.take(c)};
        });

        assertThat(taken).containsExactly(before + 1, before + 1, before + 1);
        assertThat(station.db().inTransaction(sequence::mark)).isEqualTo(before + 1);
    }

    @Test
    void aTransactionThatNeverAsksTakesNoNumber() {
        long before = station.db().inTransaction(sequence::mark);

        station.db().useTransaction(c -> new SharedStamp());

        assertThat(station.db().inTransaction(sequence::mark)).isEqualTo(before);
    }

    @Test
    void eachTransactionsStampTakesANumberOfItsOwn() {
        long first = station.db().inTransaction(c -> new SharedStamp().take(c));
        long second = station.db().inTransaction(c -> new SharedStamp().take(c));

        assertThat(second).isEqualTo(first + 1);
    }
}
