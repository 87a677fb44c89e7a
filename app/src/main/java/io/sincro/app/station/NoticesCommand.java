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
import io.sincro.db.notices.Notice;
import io.sincro.db.notices.Notices;

/** {@code sincro notices}: the e-mail notices of this station, newest last, and whether each went. */
@Command(name = "notices",
        mixinStandardHelpOptions = true,
        description = "Shows the e-mail notices this station queued, whether each was sent, waits (with its last"
                + " error) or was closed unsent because no mail server is set.")
public final class NoticesCommand implements Callable<Integer> {

    @Mixin
    private StationOptions options;

    @Mixin
    private FormatOption format;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-n", "--last"}, paramLabel = "N", defaultValue = "20",
            description = "How many of the newest notices to show (default: ${DEFAULT-VALUE}).")
    private int last;

    private final AppEnvironment environment;

    NoticesCommand(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        if (last < 1) {
            throw new IllegalArgumentException("--last needs a number of notices of 1 or more, not " + last);
        }
        StationFolder station = StationFolder.open(options, environment);
        try (Database database = station.openDatabase()) {
            List<Notice> notices = database.inTransaction(c -> new Notices().latest(c, last));
            if (notices.isEmpty() && format.format() == OutputFormat.TABLE) {
                spec.commandLine().getOut().println("No e-mail notice yet.");
                return 0;
            }
            ZoneId zone = environment.clock().getZone();
            Table table = new Table("queued", "state", "to", "subject", "attempts", "last error");
            for (Notice n : notices) {
                table.add(Figures.seconds(n.queuedAt(), zone), n.state().name().toLowerCase().replace('_', ' '),
                        String.join(", ", n.recipients()), n.subject(), n.attempts(), n.lastError().orElse(""));
            }
            table.print(spec.commandLine().getOut(), format.format());
        }
        return 0;
    }
}
