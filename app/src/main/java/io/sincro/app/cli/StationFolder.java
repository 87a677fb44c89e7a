package io.sincro.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sincro.app.settings.Settings;
import io.sincro.app.settings.SettingsException;
import io.sincro.db.Database;
import io.sincro.db.Station;
import io.sincro.db.StationBusyException;

/**
 * A station as the commands meet it: its settings, its log file and its database. Opening it
 * checks that the settings and the database agree on whose station this is, and at an agent
 * station warns on the command's error stream when the data is stale ({@link StaleDataWarning}).
 */
public final class StationFolder {

    private static final Logger log = LoggerFactory.getLogger(StationFolder.class);

    private final Settings settings;
    private final AppEnvironment environment;
    private final PrintWriter err;
    private final boolean warnOfStaleData;
    private final String command;
    private final Optional<String> logWarning;

    private StationFolder(Settings settings, AppEnvironment environment, PrintWriter err, boolean warnOfStaleData,
                          String command, Optional<String> logWarning) {
        this.settings = settings;
        this.environment = environment;
        this.err = err;
        this.warnOfStaleData = warnOfStaleData;
        this.command = command;
        this.logWarning = logWarning;
    }

    /**
     * Reads the settings the options name and starts logging into the station folder; a log file
     * that cannot be written is a warning on the command's error stream.
     */
    public static StationFolder open(StationOptions options, AppEnvironment environment) {
        Settings settings = Settings.load(options.settingsFile(environment), environment.variables());
        Optional<String> logWarning = LogFiles.writeTo(settings.folder(), options.verbose(), options.commandName());
        logWarning.ifPresent(warning -> {
            options.err().println("sincro: warning: " + warning);
            options.err().flush();
        });
        if (!settings.unknownKeys().isEmpty()) {
            log.warn("{} has settings Sincro does not know, perhaps misspelled: {}", settings.file(), settings.unknownKeys());
        }
        for (String warning : exposedSecrets(settings)) {
            log.warn("{}", warning);
            options.err().println("sincro: warning: " + warning);
        }
        options.err().flush();
        return new StationFolder(settings, environment, options.err(), true, options.commandName(), logWarning);
    }

    /** A warning, with the chmod to run, for each of the station's secret files other users can read. */
    private static List<String> exposedSecrets(Settings settings) {
        List<String> found = new ArrayList<>();
        for (Path file : SecretFiles.of(settings)) {
            try {
                SecretFiles.exposure(file).ifPresent(found::add);
            } catch (IOException e) {
                found.add("could not check who may read " + file + " (" + e.getMessage() + "); sincro doctor says more");
            }
        }
        return found;
    }

    /**
     * This station, opening its database without the stale-data warning: for {@code sincro sync},
     * which is the remedy the warning names.
     */
    public StationFolder withoutStaleDataWarning() {
        return new StationFolder(settings, environment, err, false, command, logWarning);
    }

    /** Why this run keeps no log, when its log file could not be written. */
    public Optional<String> logWarning() {
        return logWarning;
    }

    public Settings settings() {
        return settings;
    }

    public AppEnvironment environment() {
        return environment;
    }

    /** The head office's folder; a command of the head office run at an agent station is refused. */
    public StationFolder requireHeadOffice(String command) {
        if (!settings.station().isHeadOffice()) {
            throw new SettingsException("sincro " + command + " runs at the head office, and " + settings.file()
                    + " is " + settings.station() + "'s station; run it with the head office's settings (--config)");
        }
        return this;
    }

    /** An agent's folder; an agent's command run at the head office is refused. */
    public StationFolder requireAgent(String command) {
        if (settings.station().isHeadOffice()) {
            throw new SettingsException("sincro " + command + " runs at an agent station, and " + settings.file()
                    + " is the head office's; run it with an agent station's settings (--config)");
        }
        return this;
    }

    /**
     * Opens the station's database, which must belong to the station the settings describe; at an
     * agent station whose data is stale, first says so in one line on the command's error stream.
     * The command holds the station until it closes the database; a second one meanwhile is refused
     * with one sentence naming the first ({@link StationBusyException}); when the first is a running
     * {@code sincro ui}, with a {@link HeldByUiException} that says what to do and can hand the
     * command to it.
     */
    public Database openDatabase() {
        Database database;
        try {
            database = Database.open(settings.databasePath(), environment.clock(), command);
        } catch (StationBusyException busy) {
            Optional<UiHandoff> ui = UiHandoff.find(settings);
            if (ui.isEmpty()) {
                throw busy;
            }
            // the holder and since when, without "try again when it ends": the ui runs until stopped
            String holder = busy.holder().orElse("sincro ui (process " + ui.get().pid() + ") holds this station");
            if (command.equals("sincro ui")) {
                throw new HeldByUiException(holder + ": it serves this station's pages already; open the address it"
                        + " printed, or stop it (Ctrl-C where it runs) and start sincro ui again", ui.get());
            }
            throw new HeldByUiException(holder + "; stop it (Ctrl-C where it runs) and run " + command + " again"
                    + " (while it holds the station only sincro sync and sincro status run in it)", ui.get());
        }
        try {
            // this command holds the station, so no ui runs for it: a handoff file of its database is a killed ui's
            HandoffFile.removeStale(settings.folder(), settings.databasePath());
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        Station expected = settings.station();
        if (!database.station().equals(expected)) {
            database.close();
            throw new SettingsException("the database " + settings.databasePath() + " belongs to "
                    + database.station() + " but " + settings.file() + " says this is " + expected
                    + "; fix " + Settings.ROLE + ", " + Settings.AGENT_CODE + " or " + Settings.DATABASE_PATH);
        }
        if (warnOfStaleData) {
            try {
                StaleDataWarning.of(database, settings.maxAgeDays(), environment.clock()).ifPresent(warning -> {
                    log.warn("{}", warning);
                    err.println(warning);
                    err.flush();
                });
            } catch (RuntimeException e) {
                database.close();
                throw e;
            }
        }
        return database;
    }

    public Path folder() {
        return settings.folder();
    }

    /**
     * The stale-data warning {@link #openDatabase()} gives at an agent station, for a command run in
     * a {@code sincro ui} that opened the database without it.
     */
    public Optional<String> staleData(Database database) {
        return StaleDataWarning.of(database, settings.maxAgeDays(), environment.clock());
    }
}
