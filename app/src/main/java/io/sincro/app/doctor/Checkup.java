package io.sincro.app.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import io.sincro.app.cli.AppEnvironment;
import io.sincro.app.cli.LogFiles;
import io.sincro.app.cli.SecretFiles;
import io.sincro.app.cli.StationFolder;
import io.sincro.app.cli.StationMailbox;
import io.sincro.app.failures.Failures;
import io.sincro.app.settings.Settings;
import io.sincro.app.settings.SettingsException;
import io.sincro.app.sync.SyncCommand;
import io.sincro.db.Database;
import io.sincro.exchange.Mailbox;
import io.sincro.exchange.check.CheckLine;
import io.sincro.exchange.check.CheckReport;
import io.sincro.exchange.check.ConnectionCheck;
import io.sincro.sync.SyncStatus;
import io.sincro.sync.ledger.ExportedPackage;

/**
 * The checks of one station, in the order a support person would make them: Java, the settings,
 * the folders, the database, the mailbox and the clock, the outbound queue and what is set aside.
 * Each gives one line; a check that cannot run because an earlier one failed says so.
 */
final class Checkup {

    /** Below this much free space a folder's disk is a warning: a catalog snapshot alone can take tens of MB. */
    static final long LOW_SPACE = 200L * 1024 * 1024;
    private static final int MINIMUM_JAVA = 17;
    private static final String RETRY = "sincro doctor";

    private final AppEnvironment environment;
    private final SecureRandom random = new SecureRandom();

    Checkup(AppEnvironment environment) {
        this.environment = environment;
    }

    /** Runs every check; {@code open} opens the station (settings and log), throwing when it cannot. */
    List<Check> run(StationOpener open) {
        List<Check> checks = new ArrayList<>();
        checks.add(java());
        StationFolder station;
        try {
            station = open.open();
        } catch (RuntimeException e) {
            checks.add(Check.problem("settings", explain(e, null)));
            checks.add(Check.problem("station", "not checked further: the settings come first"));
            return checks;
        }
        Settings settings = station.settings();
        checks.add(settings(settings));
        checks.addAll(secrets(settings));
        checks.add(station.logWarning().map(w -> Check.warning("log", w))
                .orElse(Check.ok("log", station.folder().resolve(LogFiles.FILE) + " is written")));
        checks.add(folder("station folder", station.folder()));
        checks.add(folder("database folder", settings.databasePath(), "log", "seg0"));
        for (Path folder : SyncStatus.folders(station.folder())) {
            if (Files.isDirectory(folder)) {
                checks.add(folder(folder.getFileName() + " folder", folder));
            }
        }
        Database database = null;
        try {
            database = station.withoutStaleDataWarning().openDatabase();
            int tables = database.checkEveryTable();
            checks.add(Check.ok("database", database.directory() + " opens (" + database.station() + ", schema version "
                    + database.schemaVersion() + "); Derby's consistency check passed on all " + tables + " tables"));
            checks.addAll(mailbox(station));
            checks.addAll(queue(database, station.folder()));
        } catch (RuntimeException e) {
            checks.add(Check.problem("database", explain(e, settings.databasePath())));
        } finally {
            if (database != null) {
                database.close();
            }
        }
        return checks;
    }

    /** Opens the station the options name. */
    @FunctionalInterface
    interface StationOpener {
        StationFolder open();
    }

    private static Check java() {
        Runtime.Version version = Runtime.version();
        String what = "Java " + version + " (" + System.getProperty("java.vendor", "unknown vendor") + ") in "
                + System.getProperty("java.home");
        if (version.feature() < MINIMUM_JAVA) {
            return Check.problem("java", what + "; Sincro needs Java " + MINIMUM_JAVA + " or later: install it");
        }
        return Check.ok("java", what);
    }

    private Check settings(Settings settings) {
        // the mailbox's settings are checked as the sync reads them: a missing or invalid one names its key
        try (Mailbox mailbox = StationMailbox.of(settings, environment)) {
            String unknown = settings.unknownKeys().isEmpty() ? ""
                    : "; unknown keys, perhaps misspelled: " + String.join(", ", settings.unknownKeys());
            if (!unknown.isEmpty()) {
                return Check.warning("settings", settings.file() + " is complete (" + settings.station() + ")" + unknown
                        + ": correct or remove them");
            }
            return Check.ok("settings", settings.file() + " is readable and complete (" + settings.station()
                    + ", mailbox " + mailbox.location() + ")");
        } catch (RuntimeException e) {
            return Check.problem("settings", explain(e, settings.folder()));
        }
    }

    /** Files holding a password or key must be readable by their owner only. */
    private static List<Check> secrets(Settings settings) {
        List<Check> checks = new ArrayList<>();
        for (Path file : SecretFiles.of(settings)) {
            try {
                checks.add(SecretFiles.exposure(file).map(warning -> Check.warning("secrets", warning))
                        .orElseGet(() -> Check.ok("secrets", file + " is readable by its owner only")));
            } catch (IOException e) {
                checks.add(Check.problem("secrets", file + " cannot be read: " + Failures.reason(e)));
            }
        }
        return checks;
    }

    /**
     * A folder Sincro writes in: a file is made and removed in it and in each of {@code inside}
     * that exists, and its disk's free space is read.
     */
    private Check folder(String subject, Path folder, String... inside) {
        if (!Files.isDirectory(folder)) {
            return Check.problem(subject, folder + " does not exist or is not a folder; check the station folder"
                    + " and " + Settings.DATABASE_PATH + " in " + Settings.FILE_NAME);
        }
        List<Path> probed = new ArrayList<>(List.of(folder));
        for (String sub : inside) {
            if (Files.isDirectory(folder.resolve(sub))) {
                probed.add(folder.resolve(sub));
            }
        }
        for (Path dir : probed) {
            Path probe = dir.resolve(".sincro-doctor-" + HexFormat.of().formatHex(random.generateSeed(4)));
            try {
                Files.write(probe, new byte[] {1});
                Files.delete(probe);
            } catch (IOException e) {
                return Check.problem(subject, explain(e, dir));
            }
        }
        Optional<Long> free = Failures.usableSpace(folder);
        if (free.isPresent() && free.get() < LOW_SPACE) {
            return Check.warning(subject, folder + " is writable but its disk has only " + Failures.size(free.get())
                    + " free; free space on it (remove files you do not need) before a sync fills it");
        }
        return Check.ok(subject, folder + " is writable" + free.map(b -> ", " + Failures.size(b) + " free").orElse(""));
    }

    private List<Check> mailbox(StationFolder station) {
        Settings settings = station.settings();
        CheckReport report;
        String location;
        try (Mailbox mailbox = StationMailbox.of(settings, environment)) {
            location = mailbox.location();
            report = new ConnectionCheck(mailbox, StationMailbox.foldersOf(settings.station()), environment.clock(),
                    random).run(false);
        } catch (RuntimeException e) {
            return List.of(Check.problem("mailbox", explain(e, null)),
                    Check.warning("clock", "not compared with the server's: the mailbox could not be checked"));
        }
        List<Check> checks = new ArrayList<>();
        Optional<CheckLine> failed = report.lines().stream().filter(line -> !line.ok()).findFirst();
        if (failed.isPresent()) {
            checks.add(Check.problem("mailbox", failed.get().step() + ": " + failed.get().detail()
                    + " (sincro check-connection shows every step)"));
        } else {
            checks.add(Check.ok("mailbox", location + ": log in, folders, write, rename, read back and delete work"));
        }
        checks.add(clock(settings, report.serverClockAhead(), failed.isPresent()));
        return checks;
    }

    private static Check clock(Settings settings, Optional<Duration> ahead, boolean mailboxFailed) {
        if (ahead.isEmpty()) {
            return Check.warning("clock", mailboxFailed
                    ? "not compared with the server's: the mailbox check failed first"
                    : "the server did not say the time of the file it was sent, so the clocks were not compared");
        }
        Duration difference = ahead.get();
        if (difference.abs().compareTo(SyncCommand.clockTolerance(settings)) > 0) {
            return Check.warning("clock", "this computer's clock is " + describe(difference.abs())
                    + (difference.isNegative() ? " ahead of" : " behind") + " the mailbox server's; \"most recent"
                    + " wins\" for special prices depends on the clocks: set this computer's time right (automatic"
                    + " time), or ask the server's administrator to set the server's");
        }
        return Check.ok("clock", "within " + describe(difference.abs().plusSeconds(1)) + " of the mailbox server's");
    }

    private static String describe(Duration d) {
        if (d.toMinutes() >= 120) {
            return d.toHours() + " hours";
        }
        return d.toMinutes() >= 2 ? d.toMinutes() + " minutes" : d.toSeconds() + " s";
    }

    private static List<Check> queue(Database database, Path stationFolder) {
        SyncStatus status = new SyncStatus(database, stationFolder);
        List<Check> checks = new ArrayList<>();
        List<ExportedPackage> queued = status.outboundQueue();
        List<ExportedPackage> failing = queued.stream().filter(p -> p.attempts() > 0).toList();
        if (queued.isEmpty()) {
            checks.add(Check.ok("outbound queue", "empty"));
        } else if (failing.isEmpty()) {
            checks.add(Check.ok("outbound queue", queued.size() + (queued.size() == 1 ? " package waits" : " packages wait")
                    + " for the next sync"));
        } else {
            ExportedPackage first = failing.get(0);
            checks.add(Check.warning("outbound queue", failing.size() + " of " + queued.size()
                    + " waiting packages could not be sent yet; " + first.name().fileName() + " after "
                    + first.attempts() + (first.attempts() == 1 ? " attempt" : " attempts")
                    + first.lastError().map(e -> ": " + e).orElse("") + "; fix that, then run sincro sync"));
        }
        try {
            SyncStatus.SetAside setAside = status.setAside();
            if (setAside.names().isEmpty()) {
                checks.add(Check.ok("set aside", "no refused package"));
            } else {
                checks.add(Check.warning("set aside", setAside.names().size() + " refused "
                        + (setAside.names().size() == 1 ? "package" : "packages") + " in " + setAside.folder()
                        + " (sincro log says why); send sincro doctor --bundle to the head office"));
            }
        } catch (RuntimeException e) {
            checks.add(Check.problem("set aside", explain(e, null)));
        }
        return checks;
    }

    private static String explain(Throwable e, Path where) {
        if (e instanceof SettingsException) {
            // it names the file and, through Failures, why it could not be read
            return e.getMessage();
        }
        return Failures.of(e, RETRY, where).map(Object::toString)
                .orElse(e.getMessage() == null ? e.toString() : e.getMessage());
    }
}
