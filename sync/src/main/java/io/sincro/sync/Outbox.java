package io.sincro.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sincro.db.Database;
import io.sincro.db.journal.Journal;
import io.sincro.db.journal.JournalEntry.Event;
import io.sincro.db.journal.JournalEntry.Outcome;
import io.sincro.db.orders.OrderStatuses;
import io.sincro.exchange.Folder;
import io.sincro.exchange.FolderMissingException;
import io.sincro.exchange.Mailbox;
import io.sincro.exchange.MailboxException;
import io.sincro.exchange.PackageAlreadyExistsException;
import io.sincro.exchange.PackageNames;
import io.sincro.exchange.PackageNotFoundException;
import io.sincro.format.PackageName;
import io.sincro.format.PackageRefusedException;
import io.sincro.format.PackageStream;
import io.sincro.format.file.PackageFiles;
import io.sincro.sync.ledger.ExportedPackage;
import io.sincro.sync.ledger.ExportedPackages;

/**
 * The station's {@code outbox} folder and the upload of what waits in it. A package file stays
 * there until the other side has acknowledged it (or a snapshot replaced it), so a package lost in
 * the mailbox can be sent again, byte for byte, under the same number.
 */
final class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final Database database;
    private final Mailbox mailbox;
    private final Path folder;
    private final Clock clock;
    private final SyncOptions options;
    private final SyncProgress progress;
    private final PackageFiles files;
    private final Journal journal = new Journal();
    private final ExportedPackages exported = new ExportedPackages();
    private final OrderStatuses statuses = new OrderStatuses();
    /** The folders this sync cleared of unfinished uploads already. */
    private final Set<Folder> cleared = new HashSet<>();

    /**
     * @param files reads a file found in the mailbox under the name of a package this station has not
     *              uploaded yet: where this station's packages are encrypted or signed, one that fails
     *              their check is a forgery to take out of the way (every reader would refuse it)
     */
    Outbox(Database database, Mailbox mailbox, Path folder, Clock clock, SyncOptions options, SyncProgress progress,
           PackageFiles files) {
        this.files = files;
        this.database = database;
        this.mailbox = mailbox;
        this.folder = folder;
        this.clock = clock;
        this.options = options;
        this.progress = progress;
    }

    Path folder() {
        return folder;
    }

    /**
     * Deletes the files no package needs any more: written by a sync that stopped before its
     * commit (their numbers will be used again), or acknowledged by the other side.
     */
    void sweep() {
        cleared.clear();
        if (!Files.isDirectory(folder)) {
            return;
        }
        Set<String> keep = new HashSet<>(database.inTransaction(exported::fileNamesToKeep));
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                if (!keep.contains(file.getFileName().toString())) {
                    Files.delete(file);
                    log.debug("outbox: removed {}, which no package waiting or in the mailbox needs", file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not tidy the outbox " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Uploads the waiting packages in order; stops at the first failure, since later ones build on it. */
    boolean uploadWaiting(SyncRun run) {
        for (ExportedPackage p : database.inTransaction(exported::waiting)) {
            if (!upload(p, run, false)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Uploads again the packages of {@code stream} that the other side has not acknowledged and
     * that left the mailbox anyway (deleted by hand, lost by the server): an acknowledgement is the
     * only proof of delivery (RELIABILITY 18). They are looked for among {@code notRemoved}, the
     * stream's packages not yet out of the mailbox as read beforehand, in sequence order.
     */
    void resendLost(PackageStream stream, long acknowledged, List<ExportedPackage> notRemoved, SyncRun run) {
        Instant before = clock.instant().minus(options.resendAfter());
        List<ExportedPackage> unacknowledged = notRemoved.stream()
                .filter(ExportedPackage::isUploaded)
                .filter(p -> p.name().sequence() > acknowledged)
                .filter(p -> !p.onlyAcknowledges())
                .filter(p -> p.uploadedAt().orElseThrow().isBefore(before))
                .toList();
        if (unacknowledged.isEmpty()) {
            return;
        }
        Set<String> there;
        try {
            there = new HashSet<>(mailbox.list(MailboxFolders.of(stream)));
        } catch (FolderMissingException e) {
            there = Set.of();
        }
        for (ExportedPackage p : unacknowledged) {
            if (!there.contains(p.name().fileName())) {
                log.warn("{} is no longer in the mailbox, yet {} has not acknowledged it: sending it again",
                        p.name(), p.name().stream().recipient());
                if (!upload(p, run, true)) {
                    return;
                }
            }
        }
    }

    private boolean upload(ExportedPackage p, SyncRun run, boolean again) {
        String name = p.name().fileName();
        Folder target = MailboxFolders.of(p.name().stream());
        Path file = folder.resolve(name);
        Instant now = clock.instant();
        try {
            if (!Files.isRegularFile(file)) {
                PackageStream stream = p.name().stream();
                String problem = name + " waits to be sent but its file is gone from " + folder + "; it cannot be"
                        + " sent under its number again, so " + stream.recipient() + " will wait for it:"
                        + " restore the file from a backup of that folder" + switch (stream.direction()) {
                            case HEAD_OFFICE_TO_AGENT -> ", or run 'sincro hq republish " + stream.agentCode()
                                    + "' to send that agent its data afresh";
                            case CATALOG -> ", or run 'sincro hq republish --catalog' to send the catalog afresh";
                            case AGENT_TO_HEAD_OFFICE -> "";
                        };
                record(p, now, problem, run);
                return false;
            }
            long bytes = Files.size(file);
            progress.uploading(name, bytes);
            try {
                uploadMakingFolder(file, target, name, run);
            } catch (PackageAlreadyExistsException e) {
                // a sync that stopped after the rename and before its commit: the package is there, its
                // size as the upload found it (asking again would be a round trip for the same answer)
                OptionalLong there = e.size();
                Occupant occupant = occupant(p, target, name, file, there, bytes);
                if (occupant == Occupant.FORGED) {
                    // a number this station has not used yet, held by a file its keys refuse
                    mailbox.delete(target, name);
                    mailbox.upload(file, target, name);
                    String warning = "a file that this station did not write stood in " + target + " under " + name
                            + " (" + (there.isEmpty() ? "of unknown size" : there.getAsLong() + " bytes") + ") and"
                            + " failed the check of this station's keys: it was removed and this station's package"
                            + " sent in its place";
                    database.useTransaction(c -> journal.write(c, now, Event.REMOVED, Outcome.WARNING, name, warning));
                    run.warnings.add(warning);
                } else if (occupant == Occupant.ANOTHER_STATION) {
                    record(p, now, name + " is already in " + target + " with " + (there.isEmpty() ? "an unknown size"
                            : there.getAsLong() + " bytes") + " where this station wrote " + bytes + "; nothing was"
                            + " overwritten: another station may be using this station's settings; check, then remove"
                            + " the file from the mailbox", run);
                    return false;
                } else {
                    log.info("{} was already in {} (an earlier sync stopped after uploading it)", name, target);
                }
            } finally {
                progress.done();
            }
            String detail = (again ? "sent again (it had left the mailbox unacknowledged): " : "") + p.kind()
                    .name().toLowerCase() + ", " + bytes + " bytes, to " + target
                    + (p.attempts() > 0 ? ", attempt " + (p.attempts() + 1) : "");
            database.useTransaction(c -> {
                // one of acknowledgements only is never sent again (resendLost passes it over), so done
                // with at once: removed in this statement rather than when the sync tidies the stream
                exported.uploaded(c, p.name(), now, p.onlyAcknowledges());
                if (p.name().stream().direction() == PackageStream.Direction.AGENT_TO_HEAD_OFFICE
                        && !p.onlyAcknowledges()) {
                    // the orders this package carried have left: order status says sent, not queued
                    // the orders above its predecessor's mark: those below were marked with it (one of
                    // acknowledgements only found no order in that range when it was written, and an
                    // order submitted since took a number above its mark)
                    long after = p.basedOn() == 0 ? -1 : exported.find(c, p.name().stream(), p.basedOn())
                            .map(ExportedPackage::changeMark).orElse(-1L);
                    statuses.markSent(c, database.station().code(), after, p.changeMark(), now);
                }
                journal.write(c, now, Event.SENT, Outcome.OK, name, detail);
            });
            run.sent.add(new SyncReport.Transfer(name, -1, bytes, detail));
            log.info("sent {} ({})", name, detail);
            if (p.onlyAcknowledges()) {
                deleteFile(p);
                log.debug("{} is done with: it only acknowledged", name);
            }
            return true;
        } catch (MailboxException e) {
            record(p, now, name + " was not sent (attempt " + (p.attempts() + 1) + "): " + e.getMessage()
                    + "; the next sync sends it again", run);
            if (e.step() == MailboxException.Step.CONNECT || e.step() == MailboxException.Step.LOGIN) {
                run.mailboxUnusable();
            }
            return false;
        } catch (IOException e) {
            record(p, now, name + " could not be read from " + folder + ": " + e.getMessage()
                    + "; the next sync tries again", run);
            return false;
        }
    }

    /**
     * Uploads into {@code target}, making it first if it is missing (a new FTP host, a folder removed
     * by hand): each station makes the folders it writes into, and says so.
     */
    private void uploadMakingFolder(Path file, Folder target, String name, SyncRun run) {
        clearUnfinishedUploads(target);
        try {
            mailbox.upload(file, target, name);
        } catch (FolderMissingException e) {
            makeMissing(target, Event.SENT, name, run);
            mailbox.upload(file, target, name);
        }
    }

    /**
     * Makes {@code folder}, found missing (a new FTP host, a folder removed by hand), and says so: a
     * warning of this sync, journaled under {@code event} and, when one was on its way, the package.
     */
    void makeMissing(Folder folder, Event event, String packageName, SyncRun run) {
        mailbox.createFolder(folder);
        String warning = "folder " + folder + " was missing in " + mailbox.location() + " (a new FTP host, or"
                + " removed by hand); this sync made it";
        database.useTransaction(c -> journal.write(c, clock.instant(), event, Outcome.WARNING, packageName, warning));
        run.warnings.add(warning);
    }

    /**
     * Removes, once per sync and folder, the unfinished uploads ({@code *.part-*}) this station left
     * in {@code target} when a connection was cut before the rename. Only the station that writes a
     * folder clears it, only its own packages' leftovers, and only those whose package this station
     * last touched (wrote, tried or uploaded) at least {@link SyncOptions#resendAfter()} ago, by its
     * own clock and ledger, never the server's timestamps: no upload of its own is in flight, since
     * one command at a time holds the station. Each removal is journaled.
     */
    private void clearUnfinishedUploads(Folder target) {
        if (!cleared.add(target)) {
            return;
        }
        List<String> unfinished;
        try {
            unfinished = mailbox.temporaryUploads(target);
        } catch (FolderMissingException e) {
            return;
        }
        Instant now = clock.instant();
        for (String temporary : unfinished) {
            String finalName = temporary.substring(0, temporary.lastIndexOf(PackageNames.TEMPORARY_MARK));
            Optional<ExportedPackage> own = PackageName.parse(finalName)
                    .filter(n -> n.stream().isWrittenBy(database.station().code()))
                    .filter(n -> MailboxFolders.of(n.stream()).equals(target))
                    .flatMap(n -> database.inTransaction(c -> exported.find(c, n.stream(), n.sequence())));
            if (own.isEmpty() || lastTouched(own.get()).isAfter(now.minus(options.resendAfter()))) {
                continue;
            }
            mailbox.delete(target, temporary);
            String detail = "an unfinished upload of " + finalName + ", left in " + target + " by a connection cut"
                    + " before its rename; removed";
            database.useTransaction(c -> journal.write(c, now, Event.REMOVED, Outcome.OK, temporary, detail));
            log.info("{}", detail);
        }
    }

    private static Instant lastTouched(ExportedPackage p) {
        Instant last = p.writtenAt();
        for (Optional<Instant> at : List.of(p.lastAttemptAt(), p.uploadedAt())) {
            if (at.isPresent() && at.get().isAfter(last)) {
                last = at.get();
            }
        }
        return last;
    }

    /** What holds the name of a package this station is uploading. */
    private enum Occupant { THIS_PACKAGE, FORGED, ANOTHER_STATION }

    /**
     * Who wrote the file found under {@code name} in {@code target}: this station (a sync that stopped
     * after uploading it), a forger, or another station using this station's settings and keys (a
     * laptop prepared again while the old one still syncs), whose package must never be removed.
     * Without keys only the size can tell; with them, the file there is compared byte for byte and,
     * when it differs, checked with this station's keys.
     */
    private Occupant occupant(ExportedPackage p, Folder target, String name, Path file, OptionalLong there, long bytes)
            throws IOException {
        if (!files.keys().protects() || p.isUploaded()) {
            return there.isPresent() && there.getAsLong() == bytes ? Occupant.THIS_PACKAGE : Occupant.ANOTHER_STATION;
        }
        // under its own name: the check reads the stream and number from it
        Path copy = Files.createDirectories(folder.resolve(".there")).resolve(name);
        try {
            mailbox.download(target, name, copy);
            if (Files.mismatch(copy, file) == -1) {
                return Occupant.THIS_PACKAGE;
            }
            files.verifySeal(copy);
            return Occupant.ANOTHER_STATION;
        } catch (PackageNotFoundException e) {
            return Occupant.ANOTHER_STATION;
        } catch (PackageRefusedException e) {
            return Occupant.FORGED;
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    private void record(ExportedPackage p, Instant now, String problem, SyncRun run) {
        database.useTransaction(c -> {
            exported.failed(c, p.name(), now, problem);
            journal.write(c, now, Event.SENT, Outcome.FAILED, p.name().fileName(), problem);
        });
        run.sendProblem(problem);
    }

    /** Forgets the package locally: its row says it left the mailbox, its file goes. */
    void forget(ExportedPackage p, String why) {
        Instant now = clock.instant();
        boolean news = database.inTransaction(c -> exported.removed(c, p.name(), now));
        deleteFile(p);
        if (news) {
            log.debug("{} is done with: {}", p.name(), why);
        }
    }

    /** Deletes the file of a package its row says is done with. */
    private void deleteFile(ExportedPackage p) {
        try {
            Files.deleteIfExists(folder.resolve(p.name().fileName()));
        } catch (IOException e) {
            // the next sweep removes it; the package is done with either way
            log.warn("could not delete {} from the outbox: {}", p.name(), e.toString());
        }
    }

    /** Takes a package of ours out of the mailbox (a snapshot replaced it), then forgets it. */
    void withdraw(ExportedPackage p, String why, SyncRun run) {
        String name = p.name().fileName();
        if (p.isUploaded()) {
            mailbox.delete(MailboxFolders.of(p.name().stream()), name);
        }
        Instant now = clock.instant();
        database.useTransaction(c -> journal.write(c, now, Event.REMOVED, Outcome.OK, name, why));
        run.removed.add(name);
        forget(p, why);
    }
}
