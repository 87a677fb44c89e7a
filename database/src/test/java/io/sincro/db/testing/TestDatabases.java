package io.sincro.db.testing;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.sincro.db.Database;
import io.sincro.db.Station;

/**
 * New station databases for tests, as {@link Database#create} makes them, in a fraction of the
 * time: each is a copy of one {@code Database.create} made once per JVM ({@link Templates}).
 */
public final class TestDatabases {

    private TestDatabases() {
    }

    /**
     * What {@code Database.create(directory, station, clock)} returns: a new database of
     * {@code station} in {@code directory}, open with {@code clock}. It is copied from a database
     * created for the same station at the same instant ({@code clock.instant()}, which the
     * database records), so give it a clock that stands still, such as a {@link TestClock}.
     */
    public static Database create(Path directory, Station station, Clock clock) {
        Instant now = clock.instant();
        Templates.copy("a new database of " + station.role() + " " + station.code() + " created at " + now,
                folder -> Database.create(folder, station, Clock.fixed(now, ZoneOffset.UTC)).close(), directory);
        return Database.open(directory, clock);
    }
}
