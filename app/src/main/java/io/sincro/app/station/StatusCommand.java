package io.sincro.app.station;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import io.sincro.app.cli.AppEnvironment;
import io.sincro.app.cli.StationFolder;
import io.sincro.app.cli.StationOptions;
import io.sincro.db.Contents;
import io.sincro.db.Database;
import io.sincro.db.journal.Journal;
import io.sincro.db.journal.JournalEntry;
import io.sincro.db.journal.JournalEntry.Event;
import io.sincro.db.journal.JournalEntry.Outcome;
import io.sincro.sync.OutboundQueue;
import io.sincro.sync.QueuedPackage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sincro status}: whose station this is and what it holds. */
@Command(name = "status",
        mixinStandardHelpOptions = true,
        description = "Shows the station's role, what it holds, its last send and receive, and its outbound queue"
                + " with attempts and last error.")
public final class StatusCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final ZoneId ZONE = ZoneId.systemDefault();

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
            Journal journal = new Journal();
            database.useTransaction(c -> {
                out.println("Last send:    " + when(journal.last(c, Event.SEND, Outcome.OK)));
                out.println("Last receive: " + when(journal.last(c, Event.RECEIVE, Outcome.OK)));
                journal.latest(c, Event.SYNC).ifPresent(e -> out.println("Last sync:    " + describe(e)));
                journal.latest(c, Event.CHECK).ifPresent(e -> out.println("Last check:   " + describe(e)));
                printQueue(out, new OutboundQueue().waiting(c));
                Optional<Instant> received = journal.last(c, Event.RECEIVE, Outcome.OK);
                journal.latest(c, Event.CLOCK)
                        .filter(e -> received.isEmpty() || !e.at().isBefore(received.get().minus(Duration.ofDays(7))))
                        .ifPresent(e -> out.println("Clock:        " + describe(e)));
            });
            printRejected(out, station.folder().resolve("rejected"));
        }
        return 0;
    }

    private String when(Optional<Instant> at) {
        if (at.isEmpty()) {
            return "never";
        }
        long days = Duration.between(at.get(), environment.clock().instant()).toDays();
        return TIME.format(at.get().atZone(ZONE)) + (days >= 1 ? " (" + days + (days == 1 ? " day" : " days") + " ago)" : "");
    }

    private static String describe(JournalEntry e) {
        return TIME.format(e.at().atZone(ZONE)) + " " + e.outcome().name().toLowerCase() + ": " + e.detail();
    }

    private static void printQueue(PrintWriter out, List<QueuedPackage> queued) {
        if (queued.isEmpty()) {
            out.println("Outbound queue: empty");
            return;
        }
        out.println("Outbound queue: " + queued.size() + (queued.size() == 1 ? " package" : " packages")
                + " waiting to be sent");
        for (QueuedPackage p : queued) {
            out.println("  " + p.name().fileName() + "  written " + TIME.format(p.writtenAt().atZone(ZONE)) + ", "
                    + p.bytes() + " bytes, " + p.attempts() + (p.attempts() == 1 ? " attempt" : " attempts")
                    + p.lastAttemptAt().map(t -> ", last " + TIME.format(t.atZone(ZONE))).orElse("")
                    + p.lastError().map(error -> ": " + error).orElse(""));
        }
    }

    private static void printRejected(PrintWriter out, Path rejected) {
        if (!Files.isDirectory(rejected)) {
            return;
        }
        try (Stream<Path> files = Files.list(rejected)) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            if (!names.isEmpty()) {
                out.println("Set aside:    " + String.join(", ", names) + " in " + rejected
                        + " (refused; sincro log says why)");
            }
        } catch (IOException e) {
            out.println("Set aside:    could not look into " + rejected + ": " + e.getMessage());
        }
    }
}
