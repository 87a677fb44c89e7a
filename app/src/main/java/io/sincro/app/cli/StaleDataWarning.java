package io.sincro.app.cli;

import java.time.Clock;
import java.util.Optional;

import io.sincro.app.output.Figures;
import io.sincro.db.Database;
import io.sincro.sync.DataAge;

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
        DataAge age = DataAge.of(database, clock, maxAgeDays);
        if (!age.stale()) {
            return Optional.empty();
        }
        if (age.lastReceive().isEmpty()) {
            return Optional.of("warning: this station has not received anything from the head office yet; prices and"
                    + " stock are missing until you run sincro sync");
        }
        long days = age.days();
        return Optional.of("warning: this station last received the head office's data " + days
                + (days == 1 ? " day" : " days") + " ago (" + Figures.time(age.lastReceive().get(), clock.getZone())
                + "); prices and stock may be out of date; run sincro sync");
    }
}
