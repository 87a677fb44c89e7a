package io.sincro.app.station;

import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import io.sincro.app.cli.AppEnvironment;
import io.sincro.app.cli.StationFolder;
import io.sincro.app.cli.StationOptions;
import io.sincro.app.output.Figures;
import io.sincro.app.output.FormatOption;
import io.sincro.app.output.OutputFormat;
import io.sincro.app.output.Table;
import io.sincro.db.Database;
import io.sincro.db.journal.Journal;
import io.sincro.db.journal.JournalEntry;

/** {@code sincro log}: the transaction log of syncs and packages. */
@Command(name = "log",
        mixinStandardHelpOptions = true,
        description = "Shows the transaction log: every sync, and every package sent, received, refused or removed.")
public final class LogCommand implements Callable<Integer> {

    @Mixin
    private StationOptions options;

    @Mixin
    private FormatOption format;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-n", "--last"}, paramLabel = "N", defaultValue = "50",
            description = "How many of the newest entries to show (default: ${DEFAULT-VALUE}).")
    private int last;

    private final AppEnvironment environment;

    LogCommand(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        if (last < 1) {
            throw new IllegalArgumentException("--last needs a number of entries of 1 or more, not " + last);
        }
        StationFolder station = StationFolder.open(options, environment);
        try (Database database = station.openDatabase()) {
            List<JournalEntry> entries = database.inTransaction(c -> new Journal().latest(c, last));
            if (entries.isEmpty() && format.format() == OutputFormat.TABLE) {
                spec.commandLine().getOut().println("The log is empty: this station has not synchronized yet.");
                return 0;
            }
            ZoneId zone = environment.clock().getZone();
            Table table = new Table("time", "event", "outcome", "package", "detail");
            for (JournalEntry entry : entries) {
                table.add(Figures.seconds(entry.at(), zone), entry.event().name().toLowerCase(),
                        entry.outcome().name().toLowerCase(), entry.packageName(), entry.detail());
            }
            table.print(spec.commandLine().getOut(), format.format());
        }
        return 0;
    }
}
