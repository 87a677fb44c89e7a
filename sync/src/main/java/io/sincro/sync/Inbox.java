package io.sincro.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sincro.db.Database;
import io.sincro.db.journal.Journal;
import io.sincro.db.journal.JournalEntry;
import io.sincro.db.journal.JournalEntry.Event;
import io.sincro.db.journal.JournalEntry.Outcome;
import io.sincro.exchange.Folder;
import io.sincro.exchange.FolderMissingException;
import io.sincro.exchange.Mailbox;
import io.sincro.exchange.MailboxException;
import io.sincro.exchange.PackageNotFoundException;
import io.sincro.format.Acknowledgement;
import io.sincro.format.PackageHeader;
import io.sincro.format.PackageName;
import io.sincro.format.PackageRefusedException;
import io.sincro.format.PackageStream;
import io.sincro.format.file.VerifiedPackage;
import io.sincro.rules.flow.EntityTally;
import io.sincro.sync.ledger.Epoch;
import io.sincro.sync.ledger.Epochs;
import io.sincro.sync.ledger.ExportedPackage;
import io.sincro.sync.ledger.ExportedPackages;
import io.sincro.sync.ledger.ImportedPackage;
import io.sincro.sync.ledger.ImportedPackages;

/**
 * Collects a stream's packages from the mailbox and imports them, each exactly once and in order:
 * downloaded into {@code inbox}, checked end to end, imported in one transaction together with its
 * journal line, and only then taken out of the mailbox. A package that cannot be imported is kept
 * in {@code rejected} for diagnosis and stops its stream, since the ones after it build on it.
 */
final class Inbox {

    private static final Logger log = LoggerFactory.getLogger(Inbox.class);

    /** How one stream went. */
    record StreamResult(int imported, boolean folderMissing, boolean blocked, long lastImported) {
    }

    private final Database database;
    private final Mailbox mailbox;
    private final Path inbox;
    private final Path rejected;
    private final Clock clock;
    private final SyncOptions options;
    private final SyncProgress progress;
    private final PackageImporter importer;
    private final Restores restores;
    private final Notes notes;
    private final ImportedPackages imported = new ImportedPackages();
    private final ExportedPackages exported = new ExportedPackages();
    private final Epochs epochs = new Epochs();
    private final Journal journal = new Journal();
    /** A forged package's copy in {@code rejected} ends so: it never stands for the genuine package of its name. */
    static final String FORGED_SUFFIX = ".forged";

    Inbox(Database database, Mailbox mailbox, SyncFolders folders, Clock clock, SyncOptions options,
          SyncProgress progress, PackageImporter importer, Restores restores, Notes notes) {
        this.notes = notes;
        this.database = database;
        this.mailbox = mailbox;
        this.inbox = folders.inbox();
        this.rejected = folders.rejected();
        this.clock = clock;
        this.options = options;
        this.progress = progress;
        this.importer = importer;
        this.restores = restores;
    }

    /** Clears downloads a stopped sync left: they are fetched again, so nothing in the inbox is needed. */
    void sweep() {
        if (!Files.isDirectory(inbox)) {
            return;
        }
        try (var files = Files.list(inbox)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not tidy the inbox " + inbox + ": " + e.getMessage(), e);
        }
    }

    /** The names of {@code stream}'s packages in the mailbox, in sequence order; empty when its folder is missing. */
    Optional<List<PackageName>> listed(PackageStream stream) {
        return listed(mailbox, stream);
    }

    /** The names of {@code stream}'s packages in {@code mailbox}, in sequence order; empty when its folder is missing. */
    static Optional<List<PackageName>> listed(Mailbox mailbox, PackageStream stream) {
        List<String> names;
        try {
            names = mailbox.list(MailboxFolders.of(stream));
        } catch (FolderMissingException e) {
            return Optional.empty();
        }
        List<PackageName> packages = new ArrayList<>();
        for (String name : names) {
            PackageName.parse(name).filter(p -> p.stream().equals(stream)).ifPresent(packages::add);
        }
        packages.sort(null);
        return Optional.of(packages);
    }

    long lastImported(PackageStream stream) {
        return database.inTransaction(c -> imported.last(c, stream));
    }

    /**
     * Imports what waits in {@code stream}'s folder.
     *
     * @param removeAfterImport whether this station takes the packages out of the mailbox (the
     *                          catalog is shared: only the head office removes it)
     *
     * <p>A package that must wait is passed over in the hope of a later one that can go in: a full
     * package (the catalog, where a new agent starts from the latest snapshot), or a delta based on
     * what this station holds (an agent sending again what a restored head office lost, after
     * packages based on what it lost). A wait nothing resolves is journaled and reported all the same.
     */
    StreamResult receive(PackageStream stream, boolean removeAfterImport, SyncRun run) {
        Optional<List<PackageName>> listed = listed(stream);
        if (listed.isEmpty()) {
            return new StreamResult(0, true, false, lastImported(stream));
        }
        Folder folder = MailboxFolders.of(stream);
        int count = 0;
        String waiting = null;
        PackageName waitingName = null;
        long lastAtWait = 0;
        for (PackageName name : listed.get()) {
            long last = lastImported(stream);
            Path copy = rejected.resolve(name.fileName());
            Path forgedCopy = rejected.resolve(name.fileName() + FORGED_SUFFIX);
            Path local = inbox.resolve(name.fileName());
            if (name.sequence() <= last && !removeAfterImport) {
                // carried by a later snapshot; the head office removes it
                continue;
            }
            try {
                download(folder, name, local);
            } catch (PackageNotFoundException e) {
                log.info("{} left {} while this sync was reading it; skipped", name, folder);
                continue;
            }
            if (name.sequence() <= last && !reusedNumber(name, local)) {
                // imported before (a sync stopped before the delete) or carried by a later package
                deleteQuietly(local);
                remove(folder, name, "imported before", run);
                continue;
            }
            if (!removeAfterImport && Files.isRegularFile(forgedCopy) && sameContent(local, forgedCopy)) {
                // a forgery in a folder this station does not tidy (the catalog), seen before: its number stays free
                deleteQuietly(local);
                run.receiveProblem(name.fileName() + " in " + folder + " was refused as forged by an earlier sync (a"
                        + " copy is in " + forgedCopy + "); the catalog waits for the head office's next full catalog, which"
                        + " sincro hq republish --catalog at the head office sends at its next sync");
                continue;
            }
            if (Files.isRegularFile(copy)) {
                if (sameContent(local, copy)) {
                    deleteQuietly(local);
                    run.receiveProblem(name.fileName() + " was refused by an earlier sync and is unchanged in " + folder
                            + " (a copy is in " + copy + "; sincro packages says why); the packages after it in " + stream
                            + " wait: ask " + sender(stream) + " to send it again, or once the cause is fixed here,"
                            + " sincro packages retry " + name.fileName());
                    return new StreamResult(count, false, true, last);
                }
                log.info("{} in {} differs from the copy refused before; trying it again", name, folder);
            }
            try {
                ImportReport report = importOne(local, run);
                // a new copy of a package refused before went in, or the genuine package of a forgery's
                // number: the copy set aside is resolved
                deleteQuietly(copy);
                deleteQuietly(forgedCopy);
                count += report.outcome() == ImportReport.Outcome.IMPORTED ? 1 : 0;
                progress.imported(name.fileName());
                deleteQuietly(local);
                checkClock(report, run);
                run.received.add(new SyncReport.Transfer(name.fileName(), report.header().totalRows(), 0,
                        describe(report)));
                if (removeAfterImport) {
                    remove(folder, name, "imported", run);
                }
            } catch (PackageRefusedException e) {
                if (e.reason() == PackageRefusedException.Reason.FORGED) {
                    // it consumes nothing: its number stays free, and the packages after it are looked at
                    setAside(local, forgedCopy, name, e, run);
                    if (removeAfterImport) {
                        removeForged(folder, name, run);
                    }
                    continue;
                }
                if (e.mustWait()) {
                    deleteQuietly(local);
                    if (waiting == null) {
                        waiting = e.getMessage();
                        waitingName = name;
                        lastAtWait = lastImported(stream);
                    }
                    continue;
                }
                setAside(local, copy, name, e, run);
                return new StreamResult(count, false, true, lastImported(stream));
            }
        }
        long last = lastImported(stream);
        if (waiting != null && last == lastAtWait) {
            // nothing went in after it (what goes in after a wait is numbered above it, and covers it)
            waiting += sinceRestore(stream);
            journalWait(waitingName, waiting);
            run.receiveProblem(waiting);
            return new StreamResult(count, false, true, last);
        }
        return new StreamResult(count, false, false, last);
    }

    /**
     * At a head office restored from a backup that has heard nothing from the agent since: why the
     * agent's packages wait, and that the agent's next sync resolves it.
     */
    private String sinceRestore(PackageStream stream) {
        if (stream.direction() != PackageStream.Direction.AGENT_TO_HEAD_OFFICE) {
            return "";
        }
        return database.inTransaction(c -> {
            Optional<Epoch> epoch = epochs.current(c);
            if (epoch.isEmpty() || epoch.get().cause() != Epoch.Cause.RESTORED) {
                return "";
            }
            Optional<ImportedPackage> lastIn = imported.lastOf(c, stream);
            if (lastIn.isPresent() && lastIn.get().importedAt().isAfter(epoch.get().beganAt())) {
                return "";
            }
            return "; this head office's database was found restored from a backup at " + epoch.get().beganAt()
                    + " and lost the packages before it: " + sender(stream) + " sends again what it lacks at its next"
                    + " sync, after which this one is passed over";
        });
    }

    /**
     * Whether a package numbered no higher than what this station imported comes from another
     * database of its sender's than the one imported under that number: a sender restored from a
     * backup writes numbers again, with other content, and its package is no package imported
     * before. A copy that cannot be authenticated is not the sender's, so nothing is reused.
     */
    private boolean reusedNumber(PackageName name, Path local) {
        Optional<String> epoch;
        try {
            epoch = importer.verify(local).header().senderEpoch();
        } catch (PackageRefusedException e) {
            return false;
        }
        // the epoch of the package imported under that number, else (carried by a later one) the stream's
        Optional<String> known = database.inTransaction(c -> {
            Optional<ImportedPackage> same = imported.find(c, name);
            return (same.isPresent() ? same : imported.lastOf(c, name.stream())).flatMap(ImportedPackage::senderEpoch);
        });
        return epoch.isPresent() && known.isPresent() && !epoch.equals(known);
    }

    private void download(Folder folder, PackageName name, Path local) {
        try {
            Files.createDirectories(inbox);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the inbox " + inbox + ": " + e.getMessage(), e);
        }
        // shown with the size the download found, not a size asked apart: a round trip less per package;
        // a transfer tried again finds it again, and the display shows the package once
        AtomicBoolean shown = new AtomicBoolean();
        try {
            mailbox.download(folder, name.fileName(), local, size -> {
                if (shown.compareAndSet(false, true)) {
                    progress.downloading(name.fileName(), size);
                }
            });
        } finally {
            if (shown.get()) {
                progress.done();
            }
        }
    }

    private ImportReport importOne(Path local, SyncRun run) {
        VerifiedPackage verified = importer.verify(local);
        // authenticated: what it acknowledges may show a database on either side went back
        restores.heard(verified.header(), run);
        progress.importing(verified.name().fileName(), verified.header().totalRows());
        try {
            return database.inTransaction(c -> {
                // prepared before the rows, as the importer's ledger statements are (PackageImporter)
                try (Journal.Line line = journal.line(c)) {
                    ImportReport report = importer.importPackage(c, verified);
                    if (report.outcome() == ImportReport.Outcome.IMPORTED) {
                        // the ledger line commits with the rows, or neither does
                        line.write(clock.instant(), Event.RECEIVED, Outcome.OK, verified.name().fileName(),
                                describe(report));
                    }
                    return report;
                }
            });
        } finally {
            progress.done();
        }
    }

    /** Whether a package arrived again with the very bytes refused before (a resend after a fix differs). */
    private static boolean sameContent(Path arrived, Path refused) {
        try {
            return Files.mismatch(arrived, refused) == -1;
        } catch (IOException e) {
            throw new UncheckedIOException("could not compare " + arrived + " with the copy refused before, "
                    + refused + ": " + e.getMessage(), e);
        }
    }

    /** A package that waits is journaled once for each reason, not at every sync that finds it still waiting. */
    private void journalWait(PackageName name, String why) {
        database.useTransaction(c -> {
            Optional<JournalEntry> last = journal.latest(c, name.fileName(), Event.WAITING);
            if (last.isEmpty() || !why.equals(last.get().detail())) {
                journal.write(c, clock.instant(), Event.WAITING, Outcome.WARNING, name.fileName(), why);
            }
        });
    }

    private void setAside(Path local, Path copy, PackageName name, PackageRefusedException e, SyncRun run) {
        try {
            Files.createDirectories(rejected);
            Files.move(local, copy, StandardCopyOption.REPLACE_EXISTING);
            // downloads are not forced to disk (Mailbox#download): a copy kept across a crash is, here
            try (FileChannel kept = FileChannel.open(copy, StandardOpenOption.WRITE)) {
                kept.force(true);
            }
        } catch (IOException io) {
            log.warn("could not keep a copy of the refused package {} in {}: {}", name, rejected, io.toString());
        }
        String problem = name.fileName() + " was refused (" + e.reason().name().toLowerCase().replace('_', ' ') + ") and set"
                + " aside in " + copy + ": " + e.getMessage();
        database.useTransaction(c -> journal.write(c, clock.instant(), Event.REJECTED, Outcome.FAILED,
                name.fileName(), problem));
        log.warn("{}", problem);
        run.receiveProblem(problem);
    }

    /**
     * Takes a forged package out of this station's own inbound folder, so the genuine one can take its
     * name (its sender sends it again if it is gone, since this station never acknowledges it).
     */
    private void removeForged(Folder folder, PackageName name, SyncRun run) {
        Instant now = clock.instant();
        try {
            mailbox.delete(folder, name.fileName());
            database.useTransaction(c -> journal.write(c, now, Event.REMOVED, Outcome.WARNING, name.fileName(),
                    "refused as forged; removed from " + folder + " so the genuine package can take its name"));
        } catch (MailboxException e) {
            run.warnings.add(name.fileName() + " was refused as forged but could not be removed from " + folder + ": "
                    + e.getMessage() + "; the next sync tries again");
        }
    }

    /** After the commit: a failure to delete never undoes the import; the next sync deletes it (RELIABILITY 10). */
    private void remove(Folder folder, PackageName name, String why, SyncRun run) {
        Instant now = clock.instant();
        try {
            mailbox.delete(folder, name.fileName());
            database.useTransaction(c -> journal.write(c, now, Event.REMOVED, Outcome.OK, name.fileName(),
                    why + "; removed from " + folder));
            run.removed.add(name.fileName());
        } catch (MailboxException e) {
            String warning = name.fileName() + " is imported but could not be removed from " + folder + ": "
                    + e.getMessage() + "; the next sync removes it, and it will not be imported twice";
            database.useTransaction(c -> journal.write(c, now, Event.REMOVED, Outcome.WARNING, name.fileName(), warning));
            run.warnings.add(warning);
        }
    }

    private void checkClock(ImportReport report, SyncRun run) {
        if (report.outcome() != ImportReport.Outcome.IMPORTED) {
            return;
        }
        Duration difference = report.clockDifference();
        Duration behind = behind(report.header());
        if (database.station().isHeadOffice()) {
            // kept, and told to the agent by the head office's next package to it
            long ahead = difference.isNegative() ? difference.abs().toSeconds() : -behind.toSeconds();
            database.useTransaction(c -> notes.clockSeen(c, report.name(), ahead, clock.instant()));
        }
        String how;
        if (difference.isNegative() && difference.abs().compareTo(options.clockTolerance()) > 0) {
            how = minutes(difference.abs()) + " ahead of";
        } else if (behind.compareTo(options.clockTolerance()) > 0) {
            how = minutes(behind) + " behind";
        } else {
            return;
        }
        String warning = "the clock of " + sender(report.header().stream()) + " was at least " + how
                + " this station's when it wrote " + report.name().fileName()
                + "; \"most recent wins\" for special prices depends on both clocks: set the wrong one right";
        database.useTransaction(c -> journal.write(c, clock.instant(), Event.CLOCK, Outcome.WARNING,
                report.name().fileName(), warning));
        run.warnings.add(warning);
    }

    /**
     * How far the sender's clock was at least behind this station's: it wrote the package after it
     * imported the packages of ours it acknowledges, so after we wrote them, by this station's clock;
     * a package stamped earlier than that came from a clock behind by at least the difference. Zero
     * when nothing proves it (the time a package waits in the mailbox hides a clock behind).
     */
    private Duration behind(PackageHeader header) {
        Instant written = header.senderClock().toInstant();
        Instant latest = database.inTransaction(c -> {
            Instant known = written;
            for (Acknowledgement ack : header.acknowledgements()) {
                if (ack.sequence() > 0 && ack.stream().isWrittenBy(database.station().code())) {
                    Optional<ExportedPackage> ours = exported.find(c, ack.stream(), ack.sequence());
                    if (ours.isPresent() && ours.get().writtenAt().isAfter(known)) {
                        known = ours.get().writtenAt();
                    }
                }
            }
            return known;
        });
        return Duration.between(written, latest);
    }

    static String minutes(Duration d) {
        long minutes = d.toMinutes();
        return minutes >= 120 ? d.toHours() + " hours" : minutes + (minutes == 1 ? " minute" : " minutes");
    }

    /** "the head office", or "agent A01": who writes {@code stream}'s packages. */
    static String sender(PackageStream stream) {
        return PackageStream.HEAD_OFFICE.equals(stream.sender()) ? "the head office" : "agent " + stream.sender();
    }

    /** "12 rows: products 10 new 2 changed; 1 conflict" */
    static String describe(ImportReport report) {
        if (report.outcome() != ImportReport.Outcome.IMPORTED) {
            return report.outcome() == ImportReport.Outcome.ALREADY_IMPORTED ? "imported before" : "carried by a later package";
        }
        StringBuilder text = new StringBuilder(report.header().kind().name().toLowerCase()).append(", ")
                .append(report.header().totalRows()).append(report.header().totalRows() == 1 ? " row" : " rows");
        List<String> sections = new ArrayList<>();
        for (EntityTally t : report.receipt().tallies()) {
            List<String> parts = new ArrayList<>();
            add(parts, t.inserted(), "new");
            add(parts, t.updated(), "changed");
            add(parts, t.deleted(), "deleted");
            add(parts, t.ignored(), "set aside");
            add(parts, t.conflicts(), "older than ours");
            if (!parts.isEmpty()) {
                sections.add(t.entity().section() + " " + String.join(" ", parts));
            }
        }
        if (!sections.isEmpty()) {
            text.append(": ").append(String.join("; ", sections));
        }
        int conflicts = report.receipt().conflicts().size();
        if (conflicts > 0) {
            text.append("; ").append(conflicts).append(conflicts == 1 ? " price conflict" : " price conflicts")
                    .append(" decided (sincro conflicts)");
        }
        int differences = report.receipt().differences().size();
        if (differences > 0) {
            text.append("; ").append(differences).append(differences == 1 ? " customer arrived" : " customers arrived")
                    .append(" with different data, not overwritten");
        }
        return text.toString();
    }

    private static void add(List<String> parts, long n, String what) {
        if (n > 0) {
            parts.add(n + " " + what);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.debug("could not delete {}; the next sync clears the inbox", file, e);
        }
    }
}
