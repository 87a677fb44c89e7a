package io.sincro.app.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import io.sincro.app.cli.AppEnvironment;
import io.sincro.app.settings.Settings;
import io.sincro.app.sync.Exchange;
import io.sincro.app.sync.SyncCommand;
import io.sincro.db.Database;
import io.sincro.sync.SyncCheck;
import io.sincro.sync.SyncProgress;
import io.sincro.sync.SyncReport;
import io.sincro.web.page.WebStation;

/** The station {@code sincro ui} serves: its open database and settings, its sync and its check as
 * {@code sincro sync} and {@code sincro sync --check} run them. */
public final class StationPages implements WebStation {

    private final Database database;
    private final Settings settings;
    private final AppEnvironment environment;

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

    @Override
    public SyncReport sync(SyncProgress progress) {
        return new Exchange(settings, environment).run(database, settings.folder(), progress).report();
    }

    @Override
    public SyncCheck check() {
        return new Exchange(settings, environment).check(database, settings.folder());
    }
}
