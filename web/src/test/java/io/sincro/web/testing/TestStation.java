package io.sincro.web.testing;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import io.sincro.db.Database;
import io.sincro.sync.SyncProgress;
import io.sincro.sync.SyncReport;
import io.sincro.web.page.WebStation;

/**
 * An agent station's real database served without a mailbox: for the pages that show what the
 * station holds. Its sync is refused; the journeys that sync serve a station through {@code sincro ui}'s own.
 */
public final class TestStation implements WebStation {

    private final Database database;
    private final Path folder;
    private final Clock clock;

    public TestStation(Database database, Path folder, Clock clock) {
        this.database = database;
        this.folder = folder;
        this.clock = clock;
    }

    @Override
    public Database database() {
        return database;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Path folder() {
        return folder;
    }

    @Override
    public String currency() {
        return "EUR";
    }

    @Override
    public int maxAgeDays() {
        return 3;
    }

    @Override
    public Duration clockTolerance() {
        return Duration.ofMinutes(5);
    }

    @Override
    public SyncReport sync(SyncProgress progress) {
        throw new UnsupportedOperationException("this test station has no mailbox to sync with");
    }
}
