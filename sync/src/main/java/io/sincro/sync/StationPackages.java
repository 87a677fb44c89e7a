package io.sincro.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import io.sincro.db.Database;
import io.sincro.db.Station;
import io.sincro.db.agents.Agent;
import io.sincro.db.agents.Agents;
import io.sincro.db.journal.Journal;
import io.sincro.db.journal.JournalEntry;
import io.sincro.db.journal.JournalEntry.Event;
import io.sincro.db.journal.JournalEntry.Outcome;
import io.sincro.exchange.Folder;
import io.sincro.exchange.FolderMissingException;
import io.sincro.exchange.Mailbox;
import io.sincro.exchange.MailboxException;
import io.sincro.format.PackageName;
import io.sincro.format.PackageStream;
import io.sincro.sync.ledger.ExportedPackage;
import io.sincro.sync.ledger.ExportedPackages;
import io.sincro.sync.ledger.ImportedPackages;

/**
 * What waits, for {@code sincro packages}: packages in the mailbox this station has not imported,
 * its outbound queue, and the packages it set aside in {@code rejected/}, each with the reason and
 * what to do; and the two ways back from a refusal without an FTP client: {@link #retry} and
 * {@link #discard}, each journaled.
 */
public final class StationPackages {

    /** Where a package waits. */
    public enum Place {
        MAILBOX, OUTBOUND_QUEUE, SET_ASIDE
    }

    /** One package that waits, why, and what to do about it. */
    public record Waiting(Place place, String name, String reason, String whatToDo) {
    }

    /** What waits, and what could not be looked at (the mailbox out of reach, say). */
    public record Listing(List<Waiting> packages, List<String> notes) {

        public Listing {
            packages = List.copyOf(packages);
            notes = List.copyOf(notes);
        }
    }

    private final Database database;
    private final Path rejected;
    private final Clock clock;
    private final Station station;
    private final ExportedPackages exported = new ExportedPackages();
    private final ImportedPackages imported = new ImportedPackages();
    private final Agents agents = new Agents();
    private final Journal journal = new Journal();

    public StationPackages(Database database, Path stationFolder, Clock clock) {
        this.database = database;
        this.rejected = SyncFolders.of(stationFolder).rejected();
        this.clock = clock;
        this.station = database.station();
    }

    /** Everything that waits; {@code mailbox} is looked into for the streams this station reads. */
    public Listing list(Mailbox mailbox) {
        List<Waiting> result = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> inRejected = setAside();
        List<String> forged = inRejected.stream().filter(f -> f.endsWith(Inbox.FORGED_SUFFIX))
                .map(f -> f.substring(0, f.length() - Inbox.FORGED_SUFFIX.length())).toList();
        List<String> setAside = inRejected.stream().filter(f -> !f.endsWith(Inbox.FORGED_SUFFIX)).toList();
        try {
            for (PackageStream stream : incoming()) {
                long last = database.inTransaction(c -> imported.last(c, stream));
                for (String file : listed(mailbox, stream)) {
                    PackageName name = PackageName.parse(file).orElseThrow();
                    if (name.sequence() > last && !setAside.contains(file) && !forged.contains(file)) {
                        result.add(inMailbox(name));
                    }
                }
            }
        } catch (MailboxException e) {
            notes.add("the mailbox could not be looked into: " + e.getMessage());
        }
        for (ExportedPackage p : database.inTransaction(exported::waiting)) {
            result.add(new Waiting(Place.OUTBOUND_QUEUE, p.name().fileName(),
                    p.lastError().map(error -> "not sent yet (" + p.attempts() + (p.attempts() == 1 ? " attempt" : " attempts")
                            + "): " + error).orElse("written, not sent yet"),
                    p.lastError().isPresent() ? "sincro check-connection says what is wrong with the mailbox; then sincro sync"
                            : "sincro sync sends it"));
        }
        for (String file : setAside) {
            String reason = database.inTransaction(c -> journal.latest(c, file, Event.REJECTED))
                    .map(JournalEntry::detail).orElse("refused (the journal has no line about it)");
            result.add(new Waiting(Place.SET_ASIDE, file, reason, "ask " + sender(file) + " to send it again (a copy"
                    + " with other content is tried by itself); once the cause is fixed here, sincro packages retry "
                    + file + "; to drop it so " + sender(file) + " sends it again, sincro packages discard " + file));
        }
        for (String file : forged) {
            String reason = database.inTransaction(c -> journal.latest(c, file, Event.REJECTED))
                    .map(JournalEntry::detail).orElse("refused as forged");
            result.add(new Waiting(Place.SET_ASIDE, file + Inbox.FORGED_SUFFIX, reason, "nothing: it consumed nothing,"
                    + " and the genuine " + file + " is imported when it arrives; the copy is kept to look at (sincro"
                    + " package open) and goes once the genuine one is in"));
        }
        return new Listing(result, notes);
    }

    /**
     * Forgets that {@code fileName} was refused, so the next sync tries the copy in the mailbox again
     * even if it is unchanged (the cause was fixed here). Returns what happens next.
     */
    public String retry(String fileName) {
        Path copy = setAsideCopy(fileName, "retry");
        delete(copy);
        String detail = fileName + " was set aside; the next sync tries the copy in the mailbox again";
        database.useTransaction(c -> journal.write(c, clock.instant(), Event.RETRIED, Outcome.OK, fileName, detail));
        return detail + " (sincro sync)";
    }

    /**
     * Drops {@code fileName} for good: out of the mailbox, if it is still there, and out of
     * {@code rejected/}. Its sender has it in its outbound folder until this station acknowledges it,
     * and sends it again when it sees it gone. Returns what happens next.
     */
    public String discard(String fileName, Mailbox mailbox) {
        PackageName name = readable(fileName, "discard");
        Path copy = rejected.resolve(fileName);
        long last = database.inTransaction(c -> imported.last(c, name.stream()));
        Folder folder = MailboxFolders.of(name.stream());
        boolean inMailbox = name.sequence() > last && mailbox.list(folder).contains(fileName);
        if (!inMailbox && !Files.isRegularFile(copy)) {
            throw new IllegalArgumentException(fileName + " is neither set aside in " + rejected + " nor waiting in the"
                    + " mailbox's " + folder + "; sincro packages lists what waits");
        }
        boolean shared = name.stream().direction() == PackageStream.Direction.CATALOG;
        if (inMailbox && !shared) {
            mailbox.delete(folder, fileName);
        }
        if (Files.isRegularFile(copy)) {
            delete(copy);
        }
        String detail = shared
                ? fileName + " was discarded from " + rejected + "; the catalog is shared, so it stays in the mailbox for"
                        + " the other agents and the next sync tries it again: if it is refused again, ask the head"
                        + " office to publish the catalog afresh"
                : fileName + " was discarded" + (inMailbox ? " from " + folder : "") + "; " + sender(fileName)
                        + " sends it again at its next sync that finds it gone, and the packages after it in "
                        + name.stream() + " wait for it";
        Instant now = clock.instant();
        database.useTransaction(c -> journal.write(c, now, Event.DISCARDED, Outcome.WARNING, fileName, detail));
        return detail;
    }

    private Waiting inMailbox(PackageName name) {
        Optional<JournalEntry> wait = database.inTransaction(c -> journal.latest(c, name.fileName(), Event.WAITING));
        if (wait.isPresent()) {
            return new Waiting(Place.MAILBOX, name.fileName(), wait.get().detail(),
                    "nothing: every sync tries it again; if what it waits for never comes, ask " + sender(name.fileName())
                            + " to publish it");
        }
        return new Waiting(Place.MAILBOX, name.fileName(), "not imported yet", "sincro sync imports it");
    }

    private List<PackageStream> incoming() {
        if (!station.isHeadOffice()) {
            return List.of(PackageStream.catalog(), PackageStream.toAgent(station.agentCode()));
        }
        return database.inTransaction(c -> agents.all(c)).stream().map(Agent::code).map(PackageStream::fromAgent).toList();
    }

    private static List<String> listed(Mailbox mailbox, PackageStream stream) {
        try {
            return mailbox.list(MailboxFolders.of(stream)).stream()
                    .filter(n -> PackageName.parse(n).filter(p -> p.stream().equals(stream)).isPresent()).sorted().toList();
        } catch (FolderMissingException e) {
            return List.of();
        }
    }

    private List<String> setAside() {
        if (!Files.isDirectory(rejected)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(rejected)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not look into " + rejected + ": " + e.getMessage(), e);
        }
    }

    /** A package name this station reads, never a path: nothing outside {@code rejected/} is touched. */
    private PackageName readable(String fileName, String verb) {
        PackageName name = PackageName.parse(fileName).orElseThrow(() -> new IllegalArgumentException(fileName
                + " is not the name of a Sincro package (such as HQ_to_A01_000000042.sincro); sincro packages lists"
                + " what waits"));
        if (!incoming().contains(name.stream())) {
            throw new IllegalArgumentException(fileName + " is not a package this station receives, so it cannot "
                    + verb + " it; sincro packages lists what waits");
        }
        return name;
    }

    private Path setAsideCopy(String fileName, String verb) {
        readable(fileName, verb);
        Path copy = rejected.resolve(fileName);
        if (!Files.isRegularFile(copy)) {
            throw new IllegalArgumentException(fileName + " is not set aside in " + rejected + ", so there is nothing"
                    + " to " + verb + "; sincro packages lists what waits, and every sync tries the packages in the"
                    + " mailbox by itself");
        }
        return copy;
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove " + file + ": " + e.getMessage(), e);
        }
    }

    private static String sender(String fileName) {
        return PackageName.parse(fileName).map(n -> Inbox.sender(n.stream())).orElse("its sender");
    }
}
