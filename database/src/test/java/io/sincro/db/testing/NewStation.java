package io.sincro.db.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.sincro.db.Database;
import io.sincro.db.Station;

/**
 * An empty station database for every test: made by {@link TestDatabases#create} in a temporary
 * folder of its own before each test, closed and its folder removed after each, whether the test
 * passed or not. Register it on an instance field and use {@link #db()} in the test and in
 * {@code @BeforeEach} methods, which run after it has made the database:
 *
 * <pre>{@code
 * private final TestClock clock = TestClock.at("2026-03-02T08:00:00Z");
 *
 * @RegisterExtension
 * final NewStation station = NewStation.agent("A01", clock);
 * }</pre>
 */
public final class NewStation implements BeforeEachCallback, AfterEachCallback {

    private final Station station;
    private final Clock clock;
    private Path folder;
    private Database db;

    private NewStation(Station station, Clock clock) {
        this.station = station;
        this.clock = clock;
    }

    /** A new database of {@code station}, created at {@code clock}'s instant and open with it. */
    public static NewStation of(Station station, Clock clock) {
        return new NewStation(station, clock);
    }

    /** A new database of agent {@code code}'s laptop. */
    public static NewStation agent(String code, Clock clock) {
        return of(Station.agent(code), clock);
    }

    /** A new database of the head office. */
    public static NewStation headOffice(Clock clock) {
        return of(Station.headOffice(), clock);
    }

    /** The running test's database, open. */
    public Database db() {
        if (db == null) {
            throw new IllegalStateException((station.isHeadOffice() ? "the head office's" : "agent " + station.code() + "'s")
                    + " new database exists only while a test runs: register NewStation on an instance field with"
                    + " @RegisterExtension and call db() in the test or in a @BeforeEach method");
        }
        return db;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        folder = Files.createTempDirectory("sincro-station-");
        try {
            db = TestDatabases.create(folder.resolve("db"), station, clock);
        } catch (RuntimeException e) {
            Templates.delete(folder);
            folder = null;
            throw e;
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            if (db != null) {
                db.close();
            }
        } finally {
            db = null;
            if (folder != null) {
                Templates.delete(folder);
                folder = null;
            }
        }
    }
}
