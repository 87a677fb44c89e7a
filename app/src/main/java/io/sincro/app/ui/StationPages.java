package io.sincro.app.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

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
 * Closing it waits for a sync the pages started (on a thread of its own), or a command handed to
 * this ui, to end, so the database closes after it, and starts no more. One sync runs at a time.
 */
public final class StationPages implements WebStation, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StationPages.class);

    static final String STOPPING_SYNC = "Sincro is stopping, so the sync did not start; start sincro ui again to sync";

    private final Database database;
    private final Settings settings;
    private final AppEnvironment environment;
    /** Every sync and check of this ui: it keeps what it loads once (the package format's schema). */
    private final Exchange exchanges;
    // one exchange at a time: from the pages, or handed over by sincro sync
    private final ReentrantLock exchange = new ReentrantLock(true);
    private int syncing;
    private boolean closed;

    public StationPages(Database database, Settings settings, AppEnvironment environment) {
        this.database = database;
        this.settings = settings;
        this.environment = environment;
        this.exchanges = new Exchange(settings, environment);
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
        return whileOpen(STOPPING_SYNC, () -> {
            exchange.lock();
            try {
                Exchange.Outcome outcome = exchanges.run(database, settings.folder(),
                        progress);
                // the sentence sincro sync prints as a warning when the e-mail notices could not go
                return outcome.mail().failure().map(outcome.report()::withWarning).orElse(outcome.report());
            } finally {
                exchange.unlock();
            }
        });
    }

    /**
     * Runs {@code command} (a {@code sincro sync} handed to this ui) when no other sync runs here:
     * one started from the pages, or handed over before, is waited for, after {@code waiting} said so.
     *
     * @throws IllegalStateException once {@link #close()} began, as {@link #sync} does
     */
    <T> T exclusively(Runnable waiting, Supplier<T> command) {
        return whileOpen(STOPPING_SYNC, () -> {
            if (!exchange.tryLock()) {
                waiting.run();
                exchange.lock();
            }
            try {
                synchronized (this) {
                    if (closed) {
                        // stopped while this one waited
                        throw new StoppingException(STOPPING_SYNC);
                    }
                }
                return command.get();
            } finally {
                exchange.unlock();
            }
        });
    }

    /**
     * Runs {@code command} on the open database, which stays open until it ends.
     *
     * @throws IllegalStateException with {@code stopping} once {@link #close()} began: Sincro is
     *         stopping and the database is about to close
     */
    <T> T whileOpen(String stopping, Supplier<T> command) {
        synchronized (this) {
            if (closed) {
                throw new StoppingException(stopping);
            }
            syncing++;
        }
        try {
            return command.get();
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
        return exchanges.check(database, settings.folder());
    }
}
