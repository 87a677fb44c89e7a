package io.sincro.app.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.sincro.app.output.Figures;
import io.sincro.db.Database;
import io.sincro.db.journal.Journal;
import io.sincro.db.journal.JournalEntry.Event;
import io.sincro.db.journal.JournalEntry.Outcome;

/**
 * Seed 000's "alert the user at logon when a required replication was missed", so nobody quotes
 * prices or stock from old data: an agent station whose last successful receive (the sync's
 * RECEIVE step ending OK, which means everything waiting for the station was imported) is older
 * than {@code sync.maxAgeDays}, or that never received anything, gets one sentence saying so.
 */
final class StaleDataWarning {

    private StaleDataWarning() {
    }

    /**
     * The warning for the station of {@code database}, or empty when its data is recent enough or
     * it is the head office (whose data is its own). The time is shown in {@code clock}'s zone,
     * the laptop's own.
     */
    static Optional<String> of(Database database, int maxAgeDays, Clock clock) {
        if (database.station().isHeadOffice()) {
            return Optional.empty();
        }
        Optional<Instant> last = database.inTransaction(c -> new Journal().last(c, Event.RECEIVE, Outcome.OK));
        if (last.isEmpty()) {
            return Optional.of("warning: this station has not received anything from the head office yet; prices and"
                    + " stock are missing until you run sincro sync");
        }
        Duration age = Duration.between(last.get(), clock.instant());
        if (age.compareTo(Duration.ofDays(maxAgeDays)) <= 0) {
            return Optional.empty();
        }
        long days = age.toDays();
        return Optional.of("warning: this station last received the head office's data " + days
                + (days == 1 ? " day" : " days") + " ago (" + Figures.time(last.get(), clock.getZone())
                + "); prices and stock may be out of date; run sincro sync");
    }
}
