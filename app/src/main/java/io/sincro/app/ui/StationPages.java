package io.sincro.app.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sincro.app.cli.AppEnvironment;
import io.sincro.app.settings.Settings;
import io.sincro.app.sync.Exchange;
import io.sincro.app.sync.SyncCommand;
import io.sincro.db.Database;
import io.sincro.sync.SyncCheck;
import io.sincro.sync.SyncProgress;
import io.sincro.sync.SyncReport;
import io.sincro.web.page.WebStation;

/**
 * The station {@code sincro ui} serves: its open database and settings, its sync and its check as
 * {@code sincro sync} and {@code sincro sync --check} run them.
 * Closing it waits for a sync the pages started (on a thread of its own) to end, so the database
 * closes after it, and starts no more.
 */
public final class StationPages implements WebStation, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StationPages.class);

    private final Database database;
    private final Settings settings;
    private final AppEnvironment environment;
    private int syncing;
    private boolean closed;

    public StationPages(Database database, Settings settings, AppEnvironment environment) {
        this.database = database;
        this.settings = settings;
        this.environment = environment;
    }

    @Override
    public Database database() {
        return database;
    }

    @Override
    public Clock clock() {
        return environment.clock();
    }

    @Override
    public Path folder() {
        return settings.folder();
    }

    @Override
    public String currency() {
        return settings.currency();
    }

    @Override
    public int maxAgeDays() {
        return settings.maxAgeDays();
    }

    @Override
    public Duration clockTolerance() {
        return SyncCommand.clockTolerance(settings);
    }

    /**
     * The exchange as {@code sincro sync} runs it; its report carries the e-mail notices' failure
     * among its warnings, as {@code sincro sync} prints it.
     *
     * @throws IllegalStateException once {@link #close()} began: Sincro is stopping and the
     *         database is about to close
     */
    @Override
    public SyncReport sync(SyncProgress progress) {
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("Sincro is stopping, so the sync did not start; start sincro ui again"
                        + " to sync");
            }
            syncing++;
        }
        try {
            Exchange.Outcome outcome = new Exchange(settings, environment).run(database, settings.folder(), progress);
            // the sentence sincro sync prints as a warning when the e-mail notices could not go
            return outcome.mail().failure().map(outcome.report()::withWarning).orElse(outcome.report());
        } finally {
            synchronized (this) {
                syncing--;
                notifyAll();
            }
        }
    }

    /**
     * Waits for the running sync to end, even when interrupted (Ctrl-C interrupts the command's
     * thread): a sync stopped by its database closing under it would fail half way.
     */
    @Override
    public synchronized void close() {
        closed = true;
        boolean interrupted = false;
        if (syncing > 0) {
            log.info("waiting for the sync started from the pages to end before closing the database");
        }
        while (syncing > 0) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public SyncCheck check() {
        return new Exchange(settings, environment).check(database, settings.folder());
    }
}
