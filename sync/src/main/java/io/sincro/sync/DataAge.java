package io.sincro.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.sincro.db.Database;
import io.sincro.db.journal.Journal;
import io.sincro.db.journal.JournalEntry.Event;
import io.sincro.db.journal.JournalEntry.Outcome;

/**
 * How old an agent station's copy of the head office's data is: its last successful receive (the
 * sync's RECEIVE step ending OK, which means everything waiting for the station was imported), and
 * whether that is older than the station's limit, so nobody quotes prices or stock from old data
 * (seed 000). The head office's data is its own: never stale.
 *
 * @param lastReceive when the station last received everything waiting for it; empty if never
 * @param days whole days since then (0 when never)
 * @param stale whether the agent should sync before quoting prices or stock
 */
public record DataAge(Optional<Instant> lastReceive, long days, boolean stale) {

    public DataAge {
        if (lastReceive == null) {
            throw new IllegalArgumentException("lastReceive is required (empty when never)");
        }
    }

    /** The age of the data of {@code database}'s station at {@code clock}'s now, against {@code maxAgeDays}. */
    public static DataAge of(Database database, Clock clock, int maxAgeDays) {
        if (database.station().isHeadOffice()) {
            return new DataAge(Optional.empty(), 0, false);
        }
        Optional<Instant> last = database.inTransaction(c -> new Journal().last(c, Event.RECEIVE, Outcome.OK));
        if (last.isEmpty()) {
            return new DataAge(last, 0, true);
        }
        Duration age = Duration.between(last.get(), clock.instant());
        return new DataAge(last, age.toDays(), age.compareTo(Duration.ofDays(maxAgeDays)) > 0);
    }

    /** Whether the station never received the head office's data. */
    public boolean never() {
        return lastReceive.isEmpty() && stale;
    }
}
