package io.sincro.sync;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sincro.db.Database;
import io.sincro.db.Station;
import io.sincro.db.agents.Agent;
import io.sincro.db.agents.Agents;
import io.sincro.db.changes.Tombstone;
import io.sincro.db.changes.Tombstones;
import io.sincro.db.journal.Journal;
import io.sincro.db.journal.JournalEntry.Event;
import io.sincro.db.journal.JournalEntry.Outcome;
import io.sincro.exchange.Folder;
import io.sincro.exchange.Mailbox;
import io.sincro.exchange.MailboxException;
import io.sincro.format.PackageName;
import io.sincro.format.PackageStream;
import io.sincro.format.ReadLimits;
import io.sincro.format.StationNotes;
import io.sincro.format.envelope.KeyFiles;
import io.sincro.format.envelope.Keyring;
import io.sincro.format.envelope.StreamKey;
import io.sincro.format.file.PackageFiles;
import io.sincro.format.seal.Sealing;
import io.sincro.format.xml.PackageXml;
import io.sincro.sync.ledger.Acknowledgements;
import io.sincro.sync.ledger.AgentHealths;
import io.sincro.sync.ledger.ExportedPackage;
import io.sincro.sync.ledger.ExportedPackages;
import io.sincro.sync.ledger.ImportedPackages;
import io.sincro.sync.ledger.ReaderFigures;
import io.sincro.sync.ledger.SnapshotRequests;

/**
 * A station's whole exchange with the mailbox, for its role (seed 003):
 * <ul>
 * <li>the <b>head office</b> imports every agent's packages, then publishes for every agent what
 * changed (the shared catalog once, each agent's own data in its own folder), then takes out of the
 * mailbox what every reader has acknowledged or a snapshot replaced;</li>
 * <li>an <b>agent</b> sends its new customers, submitted orders, special prices and acknowledgement,
 * then imports what the head office published (the catalog first: its customers and prices refer
 * to it), then acknowledges what it imported.</li>
 * </ul>
 * Every package is imported exactly once, in order, in one transaction with its journal line, and
 * leaves the mailbox only after that commit. A sync stopped at any point is finished by the next.
 */
public final class StationSync {

    private static final Logger log = LoggerFactory.getLogger(StationSync.class);

    private final Database database;
    private final Mailbox mailbox;
    private final Clock clock;
    private final Station station;
    private final Outbox outbox;
    private final Inbox inbox;
    private final Publisher publisher;
    private final Restores restores;
    private final Keyring keys;
    private final SyncOptions options;
    private final Acknowledgements acknowledgements = new Acknowledgements();
    private final SnapshotRequests requests = new SnapshotRequests();
    private final ImportedPackages imported = new ImportedPackages();
    private final AgentHealths healths = new AgentHealths();
    private final ExportedPackages exported = new ExportedPackages();
    private final Agents agents = new Agents();
    private final Journal journal = new Journal();
    private final Tombstones tombstones = new Tombstones();

    public StationSync(Database database, Mailbox mailbox, Path stationFolder, Clock clock) {
        this(database, mailbox, stationFolder, clock, SyncOptions.defaults(), SyncProgress.NONE);
    }

    public StationSync(Database database, Mailbox mailbox, Path stationFolder, Clock clock, SyncOptions options,
                       SyncProgress progress) {
        this(database, mailbox, stationFolder, clock, options, progress, new PackageXml());
    }

    /**
     * @param stationFolder where the station keeps {@code outbox}, {@code inbox} and {@code rejected}
     * @param xml           the package document's reader and writer, shared by every sync of a process
     *                      (making one loads the JAXB context and the schema)
     */
    public StationSync(Database database, Mailbox mailbox, Path stationFolder, Clock clock, SyncOptions options,
                       SyncProgress progress, PackageXml xml) {
        this.database = database;
        this.mailbox = mailbox;
        this.clock = clock;
        this.station = database.station();
        this.keys = keys(database);
        PackageFiles files = new PackageFiles(xml, Sealing.sha256(), keys, ReadLimits.standard());
        SyncFolders folders = SyncFolders.of(stationFolder);
        this.options = options;
        Notes notes = new Notes(station, folders.rejected(), options.clockTolerance());
        this.outbox = new Outbox(database, mailbox, folders.outbox(), clock, options, progress, files);
        this.restores = new Restores(database, folders.state(), clock, stream -> Inbox.listed(mailbox, stream));
        this.inbox = new Inbox(database, mailbox, folders, clock, options, progress,
                new PackageImporter(station, clock, files, options.limits(), Optional.of(notes)), restores, notes);
        this.publisher = new Publisher(database, new PackageWriter(station, clock, files, Optional.of(notes),
                options.limits()),
                outbox.folder(), options);
    }

    /**
     * The station's keys. A protected head office makes the key of every agent it knows and has none
     * for yet (an agent imported since the last sync), so it publishes for that agent at once and
     * {@code hq prepare-agent} hands the same key over.
     */
    private static Keyring keys(Database database) {
        KeyFiles files = StationKeys.of(database);
        Keyring loaded = files.load();
        if (!loaded.protects() || !database.station().isHeadOffice()) {
            return loaded;
        }
        Keyring keys = loaded;
        for (Agent agent : database.inTransaction(c -> new Agents().all(c))) {
            if (keys.streamKey(agent.code()).isEmpty()) {
                StreamKey made = files.newStreamKey(agent.code());
                log.info("made agent {}'s stream key {}", agent.code(), made.id());
                keys = keys.with(made);
            }
        }
        return keys;
    }

    /**
     * At an agent, {@code sincro sync --full}: asks the head office for the catalog and this agent's
     * data in full. The request travels in the agent's next package (this sync's), the head office's
     * next sync answers it with full packages, and the agent's sync after that imports them: every
     * row the head office holds for it, as it holds it now. Nothing made here is lost: a full package
     * is imported as any other, so drafts, orders not yet sent, customers created here and special
     * prices edited here stay (a price edited here later than the head office's version wins, as
     * always). Journaled; returns what happens next.
     */
    public String askFull() {
        if (station.isHeadOffice()) {
            throw new IllegalArgumentException("sync --full is for an agent station, which asks the head office for"
                    + " its data in full; at the head office, sincro hq republish AGENT (or --catalog, --all) sends"
                    + " full packages");
        }
        List<PackageStream> streams = List.of(PackageStream.catalog(), PackageStream.toAgent(station.agentCode()));
        String detail = "asked the head office for the catalog and agent " + station.agentCode() + "'s data in full:"
                + " the request goes with this sync, the head office's next sync sends them, and the sync after"
                + " that imports them; nothing made at this station is lost";
        database.useTransaction(c -> {
            for (PackageStream stream : streams) {
                requests.ask(c, new StationNotes.FullRequest(stream, imported.last(c, stream)), clock.instant());
            }
            journal.write(c, clock.instant(), Event.REPUBLISH, Outcome.OK, null, detail);
        });
        return detail;
    }

    /** Sends, receives, acknowledges and cleans up; never throws for a mailbox failure, which becomes a problem. */
    public SyncReport run() {
        Instant started = clock.instant();
        SyncRun run = new SyncRun();
        Optional<MailboxException> stoppedBy = Optional.empty();
        // the handshake and login go on beside the local work before the first transfer
        mailbox.connectAhead();
        outbox.sweep();
        inbox.sweep();
        try {
            restores.checkRecord(run);
            if (station.isHeadOffice()) {
                headOffice(run);
            } else {
                agent(run);
            }
        } catch (MailboxException e) {
            log.debug("the sync stopped at a mailbox failure", e);
            run.problems.add(e.getMessage());
            stoppedBy = Optional.of(e);
        }
        try {
            restores.writeRecord();
        } catch (UncheckedIOException e) {
            run.warnings.add(e.getMessage() + "; until it can, a sync cannot tell that this station's database was"
                    + " restored from a backup: let this computer's user write in the station folder");
        }
        SyncReport report = new SyncReport(station, Duration.between(started, clock.instant()), run.sent, run.received,
                run.removed, run.problems, run.warnings, database.inTransaction(exported::waiting).size(), stoppedBy);
        journalRun(run, report);
        return report;
    }

    private void headOffice(SyncRun run) {
        // what a failed sync left first, so numbers go out in order
        outbox.uploadWaiting(run);
        if (run.stopped()) {
            return;
        }
        List<String> codes = database.inTransaction(c -> agents.all(c)).stream().map(Agent::code).toList();
        for (String code : codes) {
            alone(Event.RECEIVED, "agent " + code + "'s packages could not be imported", run::receiveProblem, () -> {
                boolean missing = inbox.receive(PackageStream.fromAgent(code), true, run).folderMissing();
                if (missing && database.inTransaction(c -> exported.last(c, PackageStream.toAgent(code))) > 0) {
                    // a new FTP host, or removed by hand: the agent's uploads need it back
                    outbox.makeMissing(Folder.fromAgent(code), Event.RECEIVE, null, run);
                }
            });
        }
        run.receiveDone();
        if (database.inTransaction(c -> exported.last(c, PackageStream.catalog())) == 0) {
            mailbox.createFolder(Folder.SINCRO_SEDE);
        }
        alone(Event.PUBLISH, "the catalog package could not be written", run::sendProblem, publisher::catalog);
        // only the agents the ledger cannot rule out are looked at one by one (Publisher.mayWriteToAgents);
        // should that one look fail, every agent is, so one agent's rows never keep the others waiting
        List<String> mayWrite = new ArrayList<>(codes);
        alone(Event.PUBLISH, "the ledger could not tell which agents need a package, so each was looked at",
                run::sendProblem, () -> mayWrite.retainAll(new HashSet<>(publisher.mayWriteToAgents(codes))));
        for (String code : mayWrite) {
            if (database.inTransaction(c -> exported.last(c, PackageStream.toAgent(code))) == 0) {
                // the head office makes a new agent's two folders, so its first sync finds them
                mailbox.createFolder(Folder.toAgent(code));
                mailbox.createFolder(Folder.fromAgent(code));
            }
            alone(Event.PUBLISH, "the package for agent " + code + " could not be written", run::sendProblem,
                    () -> publisher.toAgent(code));
        }
        if (!outbox.uploadWaiting(run)) {
            return;
        }
        // the ledger of every stream read once: most agents' packages need nothing done
        Streams ledger = database.inTransaction(c -> new Streams(acknowledgements.all(c), exported.notRemovedOfEach(c),
                exported.lastFullOfEach(c)));
        long oldestCatalogAck = Long.MAX_VALUE;
        for (String code : codes) {
            PackageStream stream = PackageStream.toAgent(code);
            long acked = ledger.acknowledged().of(stream, code);
            List<ExportedPackage> left = tidy(stream, ledger.live(stream), ledger.lastFull(stream), acked, run);
            outbox.resendLost(stream, acked, left, run);
            oldestCatalogAck = Math.min(oldestCatalogAck, ledger.acknowledged().of(PackageStream.catalog(), code));
        }
        // agents never take catalog packages out: the head office does, once a snapshot replaced them
        PackageStream catalog = PackageStream.catalog();
        List<ExportedPackage> left = tidy(catalog, ledger.live(catalog), ledger.lastFull(catalog), 0, run);
        outbox.resendLost(catalog, codes.isEmpty() ? Long.MAX_VALUE : oldestCatalogAck, left, run);
        purgeTombstones();
    }

    /** The packages of every stream not yet out of the mailbox, with what each reader acknowledged. */
    private record Streams(ReaderFigures acknowledged, Map<PackageStream, List<ExportedPackage>> notRemoved,
                           Map<PackageStream, Long> lastFulls) {

        List<ExportedPackage> live(PackageStream stream) {
            return notRemoved.getOrDefault(stream, List.of());
        }

        long lastFull(PackageStream stream) {
            return lastFulls.getOrDefault(stream, 0L);
        }
    }

    /**
     * Forgets the deletions their readers have acknowledged: a tombstone numbered at or below the
     * change mark of the package its stream's reader acknowledged last has reached every station
     * that could hold its row (a station prepared again starts empty). The catalog's deletions wait
     * for every agent; an agent's, for that agent; an agent station's, for the head office.
     */
    private void purgeTombstones() {
        database.useTransaction(c -> {
            int purged = 0;
            if (station.isHeadOffice()) {
                // what each reader holds and where anything could go, asked once for all agents
                ReaderFigures held = acknowledgements.marks(c);
                Map<String, Long> lowest = tombstones.lowestPurgeable(c);
                long catalog = Long.MAX_VALUE;
                for (Agent agent : agents.all(c)) {
                    String code = agent.code();
                    catalog = Math.min(catalog, held.of(PackageStream.catalog(), code));
                    purged += purgeUpTo(c, lowest, code, held.of(PackageStream.toAgent(code), code));
                }
                if (catalog != Long.MAX_VALUE) {
                    purged += purgeUpTo(c, lowest, Tombstone.CATALOG, catalog);
                }
            } else {
                long mark = acknowledgedMark(c, PackageStream.fromAgent(station.agentCode()), PackageStream.HEAD_OFFICE);
                // only deletions made here go, numbered above 0: none is at or below a mark of 0
                purged = mark > 0 ? tombstones.purgeUpTo(c, station.agentCode(), mark) : 0;
            }
            if (purged > 0) {
                journal.write(c, clock.instant(), Event.REMOVED, Outcome.OK, null, purged + (purged == 1
                        ? " deletion" : " deletions") + " forgotten (their tombstones): every station that reads"
                        + " them has acknowledged them");
            }
        });
    }

    private long acknowledgedMark(Connection c, PackageStream stream, String reader) throws SQLException {
        long acked = acknowledgements.acknowledged(c, stream, reader);
        return acked == 0 ? 0 : exported.find(c, stream, acked).map(ExportedPackage::changeMark).orElse(0L);
    }

    /** {@link Tombstones#purgeUpTo}, asked only of a scope that holds a deletion at or below {@code mark}. */
    private int purgeUpTo(Connection c, Map<String, Long> lowest, String scope, long mark) throws SQLException {
        Long first = lowest.get(scope);
        return first != null && first <= mark ? tombstones.purgeUpTo(c, scope, mark) : 0;
    }

    /**
     * One stream's step, whose failure is that stream's alone: one agent's bad data never keeps the
     * others from being served. The failure is journaled and becomes a problem of the sync, which
     * names the agent; a mailbox failure still stops the whole sync.
     */
    private void alone(Event event, String what, Consumer<String> problem, Runnable step) {
        try {
            step.run();
        } catch (MailboxException e) {
            throw e;
        } catch (RuntimeException e) {
            log.debug("{}", what, e);
            String said = what + ": " + (e.getMessage() != null ? e.getMessage() : e.toString())
                    + "; the rest of the sync went on, and the next sync tries again";
            database.useTransaction(c -> journal.write(c, clock.instant(), event, Outcome.FAILED, null, said));
            problem.accept(said);
        }
    }

    private void agent(SyncRun run) {
        String code = station.agentCode();
        PackageStream mine = PackageStream.fromAgent(code);
        publisher.toHeadOffice(code);
        outbox.uploadWaiting(run);
        if (run.stopped()) {
            return;
        }
        Inbox.StreamResult catalog = inbox.receive(PackageStream.catalog(), false, run);
        Inbox.StreamResult own = inbox.receive(PackageStream.toAgent(code), true, run);
        if (catalog.lastImported() == 0 && own.lastImported() == 0 && !catalog.blocked() && !own.blocked()) {
            run.receiveProblem("the head office has not published anything for agent " + code + " yet ("
                    + Folder.toAgent(code) + (own.folderMissing() ? " does not exist" : " is empty") + "): the head"
                    + " office must run sincro sync first; then sync this station again");
        }
        run.receiveDone();
        if (catalog.imported() + own.imported() > 0) {
            // acknowledge now rather than at the next sync, so the head office can tidy up sooner
            publisher.toHeadOffice(code);
            outbox.uploadWaiting(run);
        }
        // the stream's ledger read once, as the head office reads every stream's; with no package left
        // to tidy (an agent's acknowledgements leave with their upload) the rest of it changes nothing
        OwnStream ledger = database.inTransaction(c -> {
            List<ExportedPackage> live = exported.notRemoved(c, mine);
            return live.isEmpty() ? new OwnStream(0, live, 0) : new OwnStream(acknowledgements.acknowledged(c, mine,
                    PackageStream.HEAD_OFFICE), live, exported.lastFull(c, mine));
        });
        List<ExportedPackage> left = tidy(mine, ledger.live(), ledger.lastFull(), ledger.acknowledged(), run);
        outbox.resendLost(mine, ledger.acknowledged(), left, run);
        purgeTombstones();
        Notes.clockWarning(database.inTransaction(c -> healths.find(c, code)), options.clockTolerance())
                .ifPresent(run.warnings::add);
    }

    /**
     * An agent's own stream in its ledger: what the head office acknowledged of it, its packages not
     * yet removed (in sequence order) and its latest full package.
     */
    private record OwnStream(long acknowledged, List<ExportedPackage> live, long lastFull) {
    }

    /**
     * Forgets the packages of {@code stream} the reader acknowledged (it removed them itself), and
     * takes out of the mailbox those a later snapshot replaced, once that snapshot is there: among
     * {@code live}, the packages read beforehand that are not yet removed (in sequence order), the
     * latest full one being {@code lastFull}. Returns those still there after it.
     */
    private List<ExportedPackage> tidy(PackageStream stream, List<ExportedPackage> live, long lastFull, long acked,
                                       SyncRun run) {
        boolean snapshotThere = live.stream().anyMatch(p -> p.name().sequence() == lastFull && p.isUploaded());
        List<ExportedPackage> left = new ArrayList<>();
        for (ExportedPackage p : live) {
            long sequence = p.name().sequence();
            if (sequence < lastFull && snapshotThere) {
                outbox.withdraw(p, "replaced by the snapshot " + new PackageName(stream, lastFull).fileName(), run);
            } else if (sequence <= acked) {
                outbox.forget(p, "acknowledged");
            } else if (p.onlyAcknowledges() && p.isUploaded()) {
                // acknowledgements only: never sent again, so the copy serves nothing (an upload now
                // forgets such a package itself; this finishes one an earlier release uploaded)
                outbox.forget(p, "it only acknowledged");
            } else {
                left.add(p);
            }
        }
        return left;
    }

    /** What waits in the mailbox for this station and in its outbound queue; applies nothing. */
    public SyncCheck check() {
        List<String> waiting = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<PackageStream> streams = new ArrayList<>();
        if (station.isHeadOffice()) {
            database.inTransaction(c -> agents.all(c)).forEach(a -> streams.add(PackageStream.fromAgent(a.code())));
        } else {
            streams.add(PackageStream.catalog());
            streams.add(PackageStream.toAgent(station.agentCode()));
        }
        for (PackageStream stream : streams) {
            long last = inbox.lastImported(stream);
            Optional<List<PackageName>> listed = inbox.listed(stream);
            if (listed.isEmpty()) {
                if (!station.isHeadOffice()) {
                    notes.add(MailboxFolders.of(stream) + " does not exist yet: the head office has not published"
                            + " for this agent");
                }
                continue;
            }
            listed.get().stream().filter(n -> n.sequence() > last).map(PackageName::fileName).forEach(waiting::add);
        }
        List<ExportedPackage> queued = database.inTransaction(exported::waiting);
        String detail = waiting.size() + " package" + (waiting.size() == 1 ? "" : "s") + " waiting in the mailbox, "
                + queued.size() + " in the outbound queue" + (waiting.isEmpty() ? "" : ": " + String.join(", ", waiting));
        database.useTransaction(c -> journal.write(c, clock.instant(), Event.CHECK, Outcome.OK, null, detail));
        return new SyncCheck(waiting, queued, notes);
    }

    private void journalRun(SyncRun run, SyncReport report) {
        Instant now = clock.instant();
        String summary = report.sent().size() + " sent, " + report.received().size() + " received, "
                + report.removed().size() + " removed from the mailbox, " + report.stillQueued()
                + " still in the outbound queue" + (report.succeeded() ? "" : "; " + report.problems().get(0));
        database.useTransaction(c -> {
            if (report.stillQueued() == 0 && !run.sendFailed()) {
                journal.write(c, now, Event.SEND, Outcome.OK, null, report.sent().size() + " sent; the outbound queue is empty");
            } else {
                journal.write(c, now, Event.SEND, Outcome.FAILED, null, report.stillQueued() + " still in the outbound queue");
            }
            if (run.receivedAll()) {
                journal.write(c, now, Event.RECEIVE, Outcome.OK, null, report.received().size()
                        + " imported; nothing else waits for this station");
            } else {
                journal.write(c, now, Event.RECEIVE, Outcome.FAILED, null, "not everything waiting was imported"
                        + (run.problems.isEmpty() ? "" : ": " + run.problems.get(0)));
            }
            journal.write(c, now, Event.SYNC, report.succeeded() ? (report.warnings().isEmpty() ? Outcome.OK
                    : Outcome.WARNING) : Outcome.FAILED, null, summary);
        });
        log.info("sync of {}: {}", station, summary);
    }
}
