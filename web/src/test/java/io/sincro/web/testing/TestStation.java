package io.sincro.web.testing;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

import io.sincro.db.Database;
import io.sincro.exchange.Mailbox;
import io.sincro.sync.StationSync;
import io.sincro.sync.SyncCheck;
import io.sincro.sync.SyncOptions;
import io.sincro.sync.SyncProgress;
import io.sincro.sync.SyncReport;
import io.sincro.web.page.WebStation;

/**
 * A station's real database served, without a mailbox (for the pages that show what the station
 * holds: its sync and its check are refused) or with a real one ({@link #withMailbox}: the sync
 * module's own sync and check through it).
 */
public final class TestStation implements WebStation {

    private final Database database;
    private final Path folder;
    private final Clock clock;
    private final Function<Clock, Mailbox> mailbox;

    public TestStation(Database database, Path folder, Clock clock) {
        this(database, folder, clock, null);
    }

    private TestStation(Database database, Path folder, Clock clock, Function<Clock, Mailbox> mailbox) {
        this.database = database;
        this.folder = folder;
        this.clock = clock;
        this.mailbox = mailbox;
    }

    /** The station syncing and checking through the mailbox {@code mailbox} opens, such as a {@code LoopbackMailbox}'s. */
    public static TestStation withMailbox(Database database, Path folder, Clock clock, Function<Clock, Mailbox> mailbox) {
        return new TestStation(database, folder, clock, mailbox);
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
        try (Mailbox box = open()) {
            return new StationSync(database, box, folder, clock, SyncOptions.defaults(), progress).run();
        }
    }

    @Override
    public SyncCheck check() {
        try (Mailbox box = open()) {
            return new StationSync(database, box, folder, clock, SyncOptions.defaults(), SyncProgress.NONE).check();
        }
    }

    private Mailbox open() {
        if (mailbox == null) {
            throw new UnsupportedOperationException("this test station has no mailbox to sync with");
        }
        return mailbox.apply(clock);
    }
}
