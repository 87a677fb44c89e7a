package io.sincro.app.packages;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import io.sincro.app.cli.AppEnvironment;
import io.sincro.app.cli.StationFolder;
import io.sincro.app.cli.StationMailbox;
import io.sincro.app.cli.StationOptions;
import io.sincro.db.Database;
import io.sincro.exchange.Mailbox;
import io.sincro.sync.StationPackages;
import io.sincro.sync.StationPackages.Listing;
import io.sincro.sync.StationPackages.Place;
import io.sincro.sync.StationPackages.Waiting;

/** {@code sincro packages}: every package that waits, where, why, and what to do. */
@Command(name = "packages",
        mixinStandardHelpOptions = true,
        description = "Lists the packages that wait: in the mailbox for this station, in its outbound queue, and set"
                + " aside in rejected/, each with the reason and what to do.",
        subcommands = {RetryCommand.class, DiscardCommand.class})
public final class PackagesCommand implements Callable<Integer> {

    @Mixin
    private StationOptions options;

    @Spec
    private CommandSpec spec;

    private final AppEnvironment environment;

    PackagesCommand(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        StationFolder station = StationFolder.open(options, environment);
        Listing listing;
        try (Database database = station.openDatabase();
             Mailbox mailbox = StationMailbox.of(station.settings(), environment)) {
            listing = new StationPackages(database, station.folder(), environment.clock()).list(mailbox);
        }
        PrintWriter out = spec.commandLine().getOut();
        print(out, "In the mailbox for this station", listing.packages(), Place.MAILBOX);
        print(out, "In the outbound queue", listing.packages(), Place.OUTBOUND_QUEUE);
        print(out, "Set aside in rejected/", listing.packages(), Place.SET_ASIDE);
        out.flush();
        if (!listing.notes().isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            listing.notes().forEach(note -> err.println("sincro: " + note));
            err.flush();
            return 1;
        }
        return 0;
    }

    private static void print(PrintWriter out, String heading, List<Waiting> all, Place place) {
        List<Waiting> here = all.stream().filter(w -> w.place() == place).toList();
        out.println(heading + ": " + (here.isEmpty() ? "none" : here.size()));
        for (Waiting w : here) {
            out.println("  " + w.name());
            out.println("    why:  " + w.reason());
            out.println("    next: " + w.whatToDo());
        }
    }
}
