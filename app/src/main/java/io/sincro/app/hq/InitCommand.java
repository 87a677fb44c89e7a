package io.sincro.app.hq;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import io.sincro.app.cli.AppEnvironment;
import io.sincro.app.cli.StationFolder;
import io.sincro.app.cli.StationOptions;
import io.sincro.app.settings.SettingsWriter;
import io.sincro.db.Database;
import io.sincro.db.Station;
import io.sincro.office.stations.AgentStations;

/** {@code sincro hq init}: creates the company database, and the settings file when there is none. */
@Command(name = "init",
        mixinStandardHelpOptions = true,
        description = {
            "Creates the company database (embedded Derby) at the head office.",
            "Where there is no settings file yet, writes one for the head office first."
        })
final class InitCommand implements Callable<Integer> {

    @Mixin
    private StationOptions options;

    @Spec
    private CommandSpec spec;

    private final AppEnvironment environment;

    InitCommand(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
        Path settingsFile = options.settingsFile(environment);
        boolean wroteSettings = false;
        if (!Files.exists(settingsFile)) {
            Files.createDirectories(settingsFile.toAbsolutePath().getParent());
            // 0600: the mailbox's password goes in it
            AgentStations.writeOwnerOnly(settingsFile, SettingsWriter.headOffice());
            wroteSettings = true;
        }
        try {
            StationFolder station = StationFolder.open(options, environment).requireHeadOffice("hq init");
            Path databasePath = station.settings().databasePath();
            try (Database company = Database.create(databasePath, Station.headOffice(), environment.clock())) {
                PrintWriter out = spec.commandLine().getOut();
                if (wroteSettings) {
                    out.println("Wrote the head office's settings to " + station.settings().file()
                            + " (fill in the ftp.* settings before the first sync).");
                }
                out.println("Created the company database in " + company.directory()
                        + " (schema version " + company.schemaVersion() + ").");
                out.println("Next: load the back-end's data with sincro hq import KIND FILE.csv,"
                        + " kinds in this order: agents, products, price-lists, customers, special-prices, stock.");
            }
            return 0;
        } catch (RuntimeException e) {
            if (wroteSettings) {
                // The settings were only written for this database; leave nothing behind.
                Files.deleteIfExists(settingsFile);
            }
            throw e;
        }
    }

}
