package io.sincro.web.page;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import io.sincro.db.Database;
import io.sincro.sync.SyncCheck;
import io.sincro.sync.SyncProgress;
import io.sincro.sync.SyncReport;

/**
 * The station the pages show, handed in by whoever starts the server ({@code sincro ui}): its open
 * database, held for as long as the pages are served, its settings' figures, and its sync run the
 * way {@code sincro sync} runs it.
 */
public interface WebStation {

    Database database();

    Clock clock();

    /** The station's folder (its outbound queue, its packages set aside). */
    Path folder();

    /** The currency of the station's amounts, such as EUR. */
    String currency();

    /** How many days old the head office's data may be before the pages say so (sync.maxAgeDays). */
    int maxAgeDays();

    /** How far an agent's clock may be off before the head office says so (sync.clockToleranceMinutes). */
    Duration clockTolerance();

    /** The whole exchange for this station's role, exactly as {@code sincro sync} runs it. */
    SyncReport sync(SyncProgress progress);

    /**
     * What waits in the mailbox for this station and in its outbound queue, applying nothing,
     * exactly as {@code sincro sync --check} finds it; throws when the mailbox cannot be reached.
     */
    SyncCheck check();
}
