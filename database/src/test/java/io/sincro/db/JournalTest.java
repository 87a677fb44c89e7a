package io.sincro.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.sincro.db.journal.Journal;
import io.sincro.db.journal.JournalEntry;
import io.sincro.db.journal.JournalEntry.Event;
import io.sincro.db.journal.JournalEntry.Outcome;
import io.sincro.db.testing.NewStation;
import io.sincro.db.testing.TestClock;

class JournalTest {

    private final TestClock clock = TestClock.at("2026-03-02T08:00:00Z");

    @RegisterExtension
    final NewStation station = NewStation.agent("A01", clock);

    private final Journal journal = new Journal();

    @Test
    void theNewestEntriesComeOldestFirst() {
        for (int i = 1; i <= 5; i++) {
            int n = i;
            station.db().useTransaction(c -> journal.write(c, clock.instant(), Event.SENT, Outcome.OK,
                    "A01_to_HQ_00000000" + n + ".sincro", "3 orders"));
            clock.advance(Duration.ofMinutes(1));
        }

        List<JournalEntry> latest = station.db().inTransaction(c -> journal.latest(c, 2));

        assertThat(latest).extracting(JournalEntry::packageName)
                .containsExactly("A01_to_HQ_000000004.sincro", "A01_to_HQ_000000005.sincro");
    }

    @Test
    void theLastSuccessfulSyncIsFound() {
        station.db().useTransaction(c -> journal.write(c, clock.instant(), Event.SYNC, Outcome.OK, null, "sent 1"));
        clock.advance(Duration.ofDays(2));
        station.db().useTransaction(c -> journal.write(c, clock.instant(), Event.SYNC, Outcome.FAILED, null,
                "no network"));

        Optional<Instant> lastSync = station.db().inTransaction(c -> journal.last(c, Event.SYNC, Outcome.OK));
        Optional<Instant> lastReceive = station.db().inTransaction(c -> journal.last(c, Event.RECEIVED, Outcome.OK));

        assertThat(lastSync).contains(clock.instant().minus(Duration.ofDays(2)));
        assertThat(lastReceive).isEmpty();
    }

    @Test
    void aLongDetailIsCutRatherThanRefused() {
        station.db().useTransaction(c -> journal.write(c, clock.instant(), Event.REJECTED, Outcome.FAILED, null, "x".repeat(5000)));

        List<JournalEntry> entries = station.db().inTransaction(c -> journal.latest(c, 1));

        assertThat(entries.get(0).detail()).hasSize(2000).endsWith("...");
    }
}
