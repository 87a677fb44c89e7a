package io.sincro.app.station;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import io.sincro.app.AppEnvironment;
import io.sincro.app.StationFolder;
import io.sincro.app.StationOptions;
import io.sincro.db.Contents;
import io.sincro.db.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sincro status}: whose station this is and what it holds. */
@Command(name = "status",
        mixinStandardHelpOptions = true,
        description = "Shows the station's role, its database and what it holds.")
public final class StatusCommand implements Callable<Integer> {

    @Mixin
    private StationOptions options;

    @Spec
    private CommandSpec spec;

    private final AppEnvironment environment;

    StatusCommand(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        StationFolder station = StationFolder.open(options, environment);
        try (Database database = station.openDatabase()) {
            Contents contents = database.inTransaction(Contents::of);
            PrintWriter out = spec.commandLine().getOut();
            out.println("Station:   " + database.station());
            out.println("Settings:  " + station.settings().file());
            out.println("Database:  " + database.directory() + " (schema version " + database.schemaVersion() + ")");
            out.printf("Holds:     %d agents, %d customers, %d products, %d price-list rows, %d special prices,"
                    + " %d stock rows, %d orders%n", contents.agents(), contents.customers(), contents.products(),
                    contents.priceListRows(), contents.specialPrices(), contents.stockRows(), contents.orders());
        }
        return 0;
    }
}
