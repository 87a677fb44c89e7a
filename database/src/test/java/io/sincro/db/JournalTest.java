package io.sincro.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.db.journal.Journal;
import io.sincro.db.journal.JournalEntry;
import io.sincro.db.journal.JournalEntry.Event;
import io.sincro.db.journal.JournalEntry.Outcome;
import io.sincro.db.testing.TestClock;
import io.sincro.db.testing.TestDatabases;

class JournalTest {

    @TempDir
    Path dir;

    private final TestClock clock = TestClock.at("2026-03-02T08:00:00Z");
    private final Journal journal = new Journal();

    @Test
    void theNewestEntriesComeOldestFirst() {
        try (Database db = TestDatabases.create(dir.resolve("db"), Station.agent("A01"), clock)) {
            for (int i = 1; i <= 5; i++) {
                int n = i;
                db.useTransaction(c -> journal.write(c, clock.instant(), Event.SENT, Outcome.OK,
                        "A01_to_HQ_00000000" + n + ".sincro", "3 orders"));
                clock.advance(Duration.ofMinutes(1));
            }

            List<JournalEntry> latest = db.inTransaction(c -> journal.latest(c, 2));

            assertThat(latest).extracting(JournalEntry::packageName)
                    .containsExactly("A01_to_HQ_000000004.sincro", "A01_to_HQ_000000005.sincro");
        }
    }

    @Test
    void theLastSuccessfulSyncIsFound() {
        try (Database db = TestDatabases.create(dir.resolve("db"), Station.agent("A01"), clock)) {
            db.useTransaction(c -> journal.write(c, clock.instant(), Event.SYNC, Outcome.OK, null, "sent 1"));
            clock.advance(Duration.ofDays(2));
            db.useTransaction(c -> journal.write(c, clock.instant(), Event.SYNC, Outcome.FAILED, null, "no network"));

            Optional<Instant> lastSync = db.inTransaction(c -> journal.last(c, Event.SYNC, Outcome.OK));
            Optional<Instant> lastReceive = db.inTransaction(c -> journal.last(c, Event.RECEIVED, Outcome.OK));

            assertThat(lastSync).contains(clock.instant().minus(Duration.ofDays(2)));
            assertThat(lastReceive).isEmpty();
        }
    }

    @Test
    void aLongDetailIsCutRatherThanRefused() {
        try (Database db = TestDatabases.create(dir.resolve("db"), Station.agent("A01"), clock)) {
            db.useTransaction(c -> journal.write(c, clock.instant(), Event.REJECTED, Outcome.FAILED, null, "x".repeat(5000)));

            List<JournalEntry> entries = db.inTransaction(c -> journal.latest(c, 1));

            assertThat(entries.get(0).detail()).hasSize(2000).endsWith("...");
        }
    }
}
