package io.sincro.app.station;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import io.sincro.app.cli.AppEnvironment;
import io.sincro.app.cli.HeldByUiException;
import io.sincro.app.cli.LogFiles;
import io.sincro.app.cli.StationFolder;
import io.sincro.app.cli.StationOptions;
import io.sincro.app.mail.MailSettings;
import io.sincro.app.output.Figures;
import io.sincro.app.settings.Settings;
import io.sincro.app.settings.SettingsException;
import io.sincro.app.sync.SyncCommand;
import io.sincro.db.Contents;
import io.sincro.db.Database;
import io.sincro.db.journal.Journal;
import io.sincro.db.journal.JournalEntry;
import io.sincro.db.journal.JournalEntry.Event;
import io.sincro.db.journal.JournalEntry.Outcome;
import io.sincro.db.notices.Notices;
import io.sincro.sync.SyncStatus;
import io.sincro.sync.ledger.ExportedPackage;

/** {@code sincro status}: whose station this is and what it holds. */
@Command(name = "status",
        mixinStandardHelpOptions = true,
        description = "Shows the station's role, what it holds, its last send and receive, and its outbound queue"
                + " with attempts and last error.")
public final class StatusCommand implements Callable<Integer> {

    @Mixin
    private StationOptions options;

    @Spec
    private CommandSpec spec;

    private final AppEnvironment environment;
    private final ZoneId zone;

    StatusCommand(AppEnvironment environment) {
        this.environment = environment;
        this.zone = environment.clock().getZone();
    }

    /** The mail server notices go through, or why none go, and how many wait for the next sync. */
    private static String mail(Settings settings, Database database) {
        Optional<MailSettings> mail;
        try {
            mail = MailSettings.of(settings);
        } catch (SettingsException e) {
            return "notices wait: " + e.getMessage();
        }
        if (mail.isEmpty()) {
            return "no mail server set (" + MailSettings.HOST + "): e-mail notices are not sent";
        }
        int waiting = database.inTransaction(c -> new Notices().queued(c)).size();
        return mail.get().server() + ", from " + mail.get().from()
                + (waiting == 0 ? "" : "; " + Figures.count(waiting, "notice", "notices") + " waiting (sincro notices)");
    }

    @Override
    public Integer call() {
        StationFolder station = StationFolder.open(options, environment);
        Database opened;
        try {
            opened = station.openDatabase();
        } catch (HeldByUiException held) {
            // a running sincro ui holds the station: it says what it holds
            return held.ui().run("status", Map.of(), spec.commandLine().getOut(), spec.commandLine().getErr());
        }
        try (Database database = opened) {
            print(station, database, spec.commandLine().getOut());
        }
        return 0;
    }

    /**
     * {@code sincro status} on an open database, with the stale-data warning it gives on opening
     * one: for a running {@code sincro ui} that holds the station and was handed the command.
     *
     * @return the command's exit code
     */
    public static int handedOver(StationFolder station, Database database, PrintWriter out, PrintWriter err) {
        station.staleData(database).ifPresent(warning -> {
            err.println(warning);
            err.flush();
        });
        new StatusCommand(station.environment()).print(station, database, out);
        return 0;
    }

    private void print(StationFolder station, Database database, PrintWriter out) {
        Contents contents = database.inTransaction(Contents::of);
        out.println("Station:   " + database.station());
        out.println("Settings:  " + station.settings().file());
        out.println("Log:       " + station.logWarning().map(w -> "not written: " + w)
                .orElse(station.folder().resolve(LogFiles.FILE).toString()));
        out.println("Database:  " + database.directory() + " (schema version " + database.schemaVersion() + ")");
        out.println("Holds:     " + String.join(", ", Figures.count(contents.agents(), "agent", "agents"),
                Figures.count(contents.customers(), "customer", "customers"),
                Figures.count(contents.products(), "product", "products"),
                Figures.count(contents.priceListRows(), "price-list row", "price-list rows"),
                Figures.count(contents.specialPrices(), "special price", "special prices"),
                Figures.count(contents.stockRows(), "stock row", "stock rows"),
                Figures.count(contents.orders(), "order", "orders")));
        out.println("Mail:      " + mail(station.settings(), database));
        SyncStatus sync = new SyncStatus(database, station.folder());
        List<ExportedPackage> queue = sync.outboundQueue();
        Journal journal = new Journal();
        database.useTransaction(c -> {
            out.println("Last send:    " + when(journal.last(c, Event.SEND, Outcome.OK)));
            out.println("Last receive: " + when(journal.last(c, Event.RECEIVE, Outcome.OK)));
            journal.latest(c, Event.SYNC).ifPresent(e -> out.println("Last sync:    " + describe(e)));
            journal.latest(c, Event.CHECK).ifPresent(e -> out.println("Last check:   " + describe(e)));
            printQueue(out, queue);
            Optional<Instant> received = journal.last(c, Event.RECEIVE, Outcome.OK);
            journal.latest(c, Event.CLOCK)
                    .filter(e -> received.isEmpty() || !e.at().isBefore(received.get().minus(Duration.ofDays(7))))
                    .ifPresent(e -> out.println("Clock:        " + describe(e)));
            // a database that went back, here or at the other side: what was lost and what the sync did
            journal.latest(c, Event.RESTORED)
                    .filter(e -> received.isEmpty() || !e.at().isBefore(received.get().minus(Duration.ofDays(7))))
                    .ifPresent(e -> out.println("Restored:     " + describe(e)));
        });
        sync.clockWarning(SyncCommand.clockTolerance(station.settings()))
                .ifPresent(w -> out.println("Clock:        " + w));
        printSetAside(out, sync);
    }

    private String when(Optional<Instant> at) {
        if (at.isEmpty()) {
            return "never";
        }
        long days = Duration.between(at.get(), environment.clock().instant()).toDays();
        return Figures.time(at.get(), zone) + (days >= 1 ? " (" + days + (days == 1 ? " day" : " days") + " ago)" : "");
    }

    private String describe(JournalEntry e) {
        return Figures.time(e.at(), zone) + " " + e.outcome().name().toLowerCase() + ": " + e.detail();
    }

    private void printQueue(PrintWriter out, List<ExportedPackage> queued) {
        if (queued.isEmpty()) {
            out.println("Outbound queue: empty");
            return;
        }
        out.println("Outbound queue: " + queued.size() + (queued.size() == 1 ? " package" : " packages")
                + " waiting to be sent");
        for (ExportedPackage p : queued) {
            out.println("  " + p.name().fileName() + "  written " + Figures.time(p.writtenAt(), zone) + ", "
                    + p.bytes() + " bytes, " + p.attempts() + (p.attempts() == 1 ? " attempt" : " attempts")
                    + p.lastAttemptAt().map(t -> ", last " + Figures.time(t, zone)).orElse("")
                    + p.lastError().map(error -> ": " + error).orElse(""));
        }
    }

    private static void printSetAside(PrintWriter out, SyncStatus sync) {
        try {
            SyncStatus.SetAside setAside = sync.setAside();
            if (!setAside.names().isEmpty()) {
                out.println("Set aside:    " + String.join(", ", setAside.names()) + " in " + setAside.folder()
                        + " (refused; sincro packages says why and what to do)");
            }
        } catch (UncheckedIOException e) {
            out.println("Set aside:    " + e.getMessage());
        }
    }
}
