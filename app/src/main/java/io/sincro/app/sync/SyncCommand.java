package io.sincro.app.sync;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import io.sincro.app.cli.AppEnvironment;
import io.sincro.app.cli.HeldByUiException;
import io.sincro.app.cli.StationFolder;
import io.sincro.app.cli.StationOptions;
import io.sincro.app.failures.Failures;
import io.sincro.app.mail.Postman.Delivery;
import io.sincro.app.output.Figures;
import io.sincro.app.settings.Settings;
import io.sincro.db.Database;
import io.sincro.rules.flow.ValueLimits;
import io.sincro.sync.SyncCheck;
import io.sincro.sync.SyncOptions;
import io.sincro.sync.SyncProgress;
import io.sincro.sync.SyncReport;
import io.sincro.sync.ledger.ExportedPackage;

/** {@code sincro sync [--check]}: the whole exchange for this station's role, and a summary. */
@Command(name = "sync",
        mixinStandardHelpOptions = true,
        description = {
            // the first sentence is what 'sincro --help' lists, so it speaks for both roles
            "Exchanges packages with the mailbox for this station's role, then says what was sent and received.",
            "At the head office: imports every agent's packages, then publishes for every agent what changed.",
            "At an agent station: sends new customers, submitted orders, special prices and the acknowledgement,"
                    + " then imports what the head office published.",
            "Exits 1 if anything failed; what failed is retried by the next sync, nothing is lost.",
            "While sincro ui runs at the station, the sync runs in it and prints here."
        })
public final class SyncCommand implements Callable<Integer> {

    static final String RESEND_AFTER_MINUTES = "sync.resendAfterMinutes";
    static final String FULL_AFTER_PACKAGES = "sync.fullAfterPackages";
    static final String CLOCK_TOLERANCE_MINUTES = "sync.clockToleranceMinutes";
    static final String SNAPSHOT_AFTER_PERCENT = "sync.catalogSnapshotAfterPercent";
    static final String MAX_QUANTITY = "sync.maxQuantity";
    static final String MAX_PRICE = "sync.maxPrice";
    static final String MAX_ORDERS = "sync.maxOrdersPerPackage";
    static final String MAX_LINES = "sync.maxLinesPerPackage";
    static final String FUTURE_TOLERANCE_HOURS = "sync.futureToleranceHours";

    /** What a handed-over sync is asked ({@link #handedOver}): --check, --full, and a terminal to show progress on. */
    public static final String CHECK = "check";
    public static final String FULL = "full";
    public static final String TERMINAL = "terminal";

    @Mixin
    private StationOptions options;

    @Spec
    private CommandSpec spec;

    @Option(names = "--check",
            description = "Only say what waits in the mailbox for this station and in its outbound queue; apply nothing.")
    private boolean check;

    @Option(names = "--full",
            description = "At an agent station: ask the head office for the catalog and this agent's data in full;"
                    + " the head office's next sync sends them, and the sync after that takes them afresh, keeping"
                    + " what was made here (drafts, orders, customers, special prices).")
    private boolean full;

    private final AppEnvironment environment;

    SyncCommand(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        if (full && check) {
            throw new ParameterException(spec.commandLine(), "--full and --check do not go together: --check applies"
                    + " nothing, --full asks the head office for something");
        }
        // no stale-data warning here: this command is the remedy
        StationFolder station = StationFolder.open(options, environment).withoutStaleDataWarning();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Database opened;
        try {
            opened = station.openDatabase();
        } catch (HeldByUiException held) {
            // a running sincro ui holds the station: the sync runs there, as it would here
            // information, not an error: the sync runs
            err.println("sincro ui (process " + held.ui().pid() + ") holds this station, so this sync runs in it.");
            err.flush();
            return held.ui().run("sync", Map.of(CHECK, Boolean.toString(check), FULL, Boolean.toString(full),
                    TERMINAL, Boolean.toString(System.console() != null)), out, err);
        }
        try (Database database = opened) {
            return run(station.settings(), environment, database, check, full,
                    SyncProgressBar.forTerminal(err, System.console() != null), out, err);
        }
    }

    /**
     * {@code sincro sync} with these options on an open database, printing what the command prints:
     * for a running {@code sincro ui} that holds the station and was handed the command.
     *
     * @param parameters {@value #CHECK}, {@value #FULL} and {@value #TERMINAL} (whether the command's
     *                   error stream is a terminal, which gets the progress line), each "true" or
     *                   absent
     * @return the command's exit code
     */
    public static int handedOver(Settings settings, AppEnvironment environment, Database database,
                                 Map<String, String> parameters, PrintWriter out, PrintWriter err) {
        boolean check = Boolean.parseBoolean(parameters.get(CHECK));
        boolean full = Boolean.parseBoolean(parameters.get(FULL));
        if (check && full) {
            err.println("sincro: --full and --check do not go together: --check applies nothing, --full asks the head"
                    + " office for something");
            return 2;
        }
        SyncProgress progress = SyncProgressBar.forTerminal(err, Boolean.parseBoolean(parameters.get(TERMINAL)));
        return run(settings, environment, database, check, full, progress, out, err);
    }

    private static int run(Settings settings, AppEnvironment environment, Database database, boolean check,
                           boolean full, SyncProgress progress, PrintWriter out, PrintWriter err) {
        Path folder = settings.folder();
        if (check) {
            return printCheck(new Exchange(settings, environment).check(database, folder), out);
        }
        Exchange.Outcome outcome = new Exchange(settings, environment).run(database, folder, progress, full);
        outcome.askedFull().ifPresent(asked -> out.println("Asked the head office for the"
                + " catalog and this agent's data in full: " + asked.replaceFirst("^[^:]*: ", "") + "."));
        return printReport(outcome.report(), folder, outcome.mail(), out, err);
    }

    /**
     * How far a clock may be off before the sync (and {@code sincro doctor}) says so:
     * sync.clockToleranceMinutes, by default the sync's own.
     */
    public static Duration clockTolerance(Settings settings) {
        return Duration.ofMinutes(settings.integer(CLOCK_TOLERANCE_MINUTES,
                (int) SyncOptions.defaults().clockTolerance().toMinutes(), 1, 24 * 60));
    }

    static SyncOptions syncOptions(Settings settings) {
        SyncOptions defaults = SyncOptions.defaults();
        ValueLimits limits = defaults.limits();
        Duration tolerance = clockTolerance(settings);
        return new SyncOptions(
                Duration.ofMinutes(settings.integer(RESEND_AFTER_MINUTES, (int) defaults.resendAfter().toMinutes(), 1,
                        60 * 24 * 30)),
                settings.integer(FULL_AFTER_PACKAGES, defaults.fullAfterPackages(), 1, 100_000),
                tolerance,
                settings.integer(SNAPSHOT_AFTER_PERCENT, defaults.snapshotAfterPercent(), 1, 10_000),
                new ValueLimits(
                        BigDecimal.valueOf(settings.integer(MAX_QUANTITY, limits.maxQuantity().intValueExact(), 1,
                                Integer.MAX_VALUE)),
                        BigDecimal.valueOf(settings.integer(MAX_PRICE, limits.maxPrice().intValueExact(), 1,
                                Integer.MAX_VALUE)),
                        Duration.ofHours(settings.integer(FUTURE_TOLERANCE_HOURS,
                                (int) limits.clockTolerance().toHours(), 1, 24 * 365)),
                        settings.integer(MAX_ORDERS, limits.maxOrders(), 1, 1_000_000),
                        settings.integer(MAX_LINES, limits.maxLines(), 1, 10_000_000)));
    }

    private static int printCheck(SyncCheck result, PrintWriter out) {
        if (result.waiting().isEmpty()) {
            out.println("Nothing new waits in the mailbox for this station.");
        } else {
            boolean one = result.waiting().size() == 1;
            out.println(count(result.waiting().size(), "package") + (one ? " waits" : " wait")
                    + " in the mailbox; sincro sync imports " + (one ? "it:" : "them:"));
            result.waiting().forEach(name -> out.println("  " + name));
        }
        printQueue(out, result.queued());
        result.notes().forEach(note -> out.println("Note: " + note));
        return 0;
    }

    private static int printReport(SyncReport report, Path stationFolder, Delivery mail, PrintWriter out,
                                   PrintWriter err) {
        out.println(report.sent().isEmpty() ? "Sent nothing new." : "Sent " + count(report.sent().size(), "package") + ":");
        report.sent().forEach(t -> out.println("  " + t.packageName() + "  " + t.detail()));
        out.println(report.received().isEmpty() ? "Received nothing new."
                : "Received " + count(report.received().size(), "package") + ":");
        report.received().forEach(t -> out.println("  " + t.packageName() + "  " + t.detail()));
        if (!report.removed().isEmpty()) {
            out.println("Removed " + count(report.removed().size(), "package") + " from the mailbox, now that they"
                    + " are imported or replaced.");
        }
        out.println(report.stillQueued() == 0 ? "Outbound queue: empty."
                : "Outbound queue: " + count(report.stillQueued(), "package") + " waiting (sincro status shows them).");
        if (mail.sent() > 0) {
            out.println("Mailed " + count(mail.sent(), "notice") + ".");
        }
        report.warnings().forEach(w -> err.println("warning: " + w));
        mail.failure().ifPresent(w -> err.println("warning: " + w));
        if (report.succeeded()) {
            out.printf("Sync finished in %.1f s.%n", report.took().toMillis() / 1000.0);
            return 0;
        }
        // a fault of this computer under the failure that stopped the sync is said as such
        String stopped = report.stoppedBy().map(Throwable::getMessage).orElse(null);
        Optional<String> fault = report.stoppedBy()
                .flatMap(e -> Failures.of(e, "sincro sync", stationFolder))
                .map(Object::toString);
        report.problems().forEach(p -> err.println("problem: " + (p.equals(stopped) ? fault.orElse(p) : p)));
        err.println("The sync did not finish: " + count(report.problems().size(), "problem")
                + "; what failed is retried by the next sync (sincro log has the details).");
        return 1;
    }

    private static void printQueue(PrintWriter out, List<ExportedPackage> queued) {
        if (queued.isEmpty()) {
            out.println("Outbound queue: empty.");
            return;
        }
        out.println("Outbound queue: " + count(queued.size(), "package") + " to send:");
        for (ExportedPackage p : queued) {
            out.println("  " + p.name().fileName() + (p.attempts() == 0 ? "" : "  " + p.attempts() + " attempts, last"
                    + " error: " + p.lastError().orElse("none")));
        }
    }

    private static String count(int n, String what) {
        return Figures.count(n, what, what + "s");
    }
}
