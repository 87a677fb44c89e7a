package io.sincro.db.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.db.Database;
import io.sincro.db.Station;
import io.sincro.db.testing.TestClock;
import io.sincro.db.testing.TestDatabases;

class SharedStampTest {

    @TempDir
    Path dir;

    private final ChangeSequence sequence = new ChangeSequence();
    private Database db;

    @BeforeEach
    void createDatabase() {
        db = TestDatabases.create(dir.resolve("db"), Station.headOffice(), TestClock.at("2026-03-02T08:00:00Z"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void everyWriteOfTheTransactionGetsTheNumberTheFirstTook() {
        long before = db.inTransaction(sequence::mark);

        long[] taken = db.inTransaction(c -> {
            SharedStamp stamp = new SharedStamp();
            return new long[] {stamp.take(c), stamp.take(c), stamp.take(c)};
        });

        assertThat(taken).containsExactly(before + 1, before + 1, before + 1);
        assertThat(db.inTransaction(sequence::mark)).isEqualTo(before + 1);
    }

    @Test
    void aTransactionThatNeverAsksTakesNoNumber() {
        long before = db.inTransaction(sequence::mark);

        db.useTransaction(c -> new SharedStamp());

        assertThat(db.inTransaction(sequence::mark)).isEqualTo(before);
    }

    @Test
    void eachTransactionsStampTakesANumberOfItsOwn() {
        long first = db.inTransaction(c -> new SharedStamp().take(c));
        long second = db.inTransaction(c -> new SharedStamp().take(c));

        assertThat(second).isEqualTo(first + 1);
    }
}
