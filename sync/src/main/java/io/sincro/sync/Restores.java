package io.sincro.sync;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sincro.db.Database;
import io.sincro.db.Station;
import io.sincro.db.agents.Agent;
import io.sincro.db.agents.Agents;
import io.sincro.db.journal.Journal;
import io.sincro.db.journal.JournalEntry.Event;
import io.sincro.db.journal.JournalEntry.Outcome;
import io.sincro.format.Acknowledgement;
import io.sincro.format.PackageHeader;
import io.sincro.format.PackageName;
import io.sincro.format.PackageStream;
import io.sincro.format.StationNotes.FullRequest;
import io.sincro.sync.ledger.Acknowledgements;
import io.sincro.sync.ledger.Epoch;
import io.sincro.sync.ledger.Epochs;
import io.sincro.sync.ledger.ExportedPackages;
import io.sincro.sync.ledger.ImportedPackage;
import io.sincro.sync.ledger.ImportedPackages;
import io.sincro.sync.ledger.SnapshotRequests;

/**
 * Finds out that a database went back, this station's or the other side's, and sets the exchange
 * right (docs/ARCHITECTURE.md, "A restored station"):
 * <ul>
 * <li>this station's database is behind the station folder's {@link LedgerRecord}, or a reader
 * acknowledges a package of ours this database never wrote: it was restored from a backup (or made
 * again). It takes a new epoch; each stream it writes carries on after the highest number used (the
 * record, the reader's acknowledgement, what stands in the mailbox), so none is used twice; the head
 * office sends each stream in full, and an agent asks it for its own in full (as {@code sincro sync
 * --full});</li>
 * <li>at the head office, an agent acknowledges less of a stream written here than it did before:
 * the agent's database went back. The acknowledgement is taken back and the agent's stream goes in
 * full at this sync, so the head office's packages based on what the agent lost never wait there;</li>
 * <li>at an agent, the head office acknowledges less of the agent's stream than it did before: the
 * head office lost what the agent sent after that. The agent takes the acknowledgement back and its
 * next package holds everything since, which the head office takes once.</li>
 * </ul>
 * Each finding is journaled ({@code RESTORED}) and is a warning of the sync, saying what to do.
 */
final class Restores {

    private static final Logger log = LoggerFactory.getLogger(Restores.class);

    private final Database database;
    private final Station station;
    private final Clock clock;
    private final Path recordFile;
    private final Function<PackageStream, Optional<List<PackageName>>> mailbox;
    private final Epochs epochs = new Epochs();
    private final ExportedPackages exported = new ExportedPackages();
    private final ImportedPackages imported = new ImportedPackages();
    private final Acknowledgements acknowledgements = new Acknowledgements();
    private final SnapshotRequests requests = new SnapshotRequests();
    private final Agents agents = new Agents();
    private final Journal journal = new Journal();

    /** @param mailbox the packages of a stream standing in the mailbox (empty when its folder is missing) */
    Restores(Database database, Path recordFile, Clock clock,
             Function<PackageStream, Optional<List<PackageName>>> mailbox) {
        this.database = database;
        this.station = database.station();
        this.clock = clock;
        this.recordFile = recordFile;
        this.mailbox = mailbox;
    }

    /** At the start of a sync: the database against what the station folder says it had reached. */
    void checkRecord(SyncRun run) {
        Optional<LedgerRecord> record;
        try {
            record = LedgerRecord.read(recordFile);
        } catch (UncheckedIOException e) {
            run.warnings.add(e.getMessage() + "; this sync cannot tell whether the database was restored from a"
                    + " backup since the last one: let this computer's user read and write the file");
            return;
        }
        if (record.isEmpty() || !record.get().station().equals(station.code())) {
            return;
        }
        List<String> behind = new ArrayList<>();
        Map<PackageStream, Long> floors = new LinkedHashMap<>();
        Map<PackageStream, Long> importedBefore = new LinkedHashMap<>();
        database.useTransaction(c -> {
            Map<PackageStream, Long> written = exported.lastOfEach(c);
            Map<PackageStream, Long> read = imported.lastOfEach(c);
            record.get().written().forEach((stream, n) -> {
                long now = written.getOrDefault(stream, 0L);
                if (now < n) {
                    behind.add(stream + " written up to " + n + ", now up to " + now);
                    floors.put(stream, n);
                }
            });
            record.get().imported().forEach((stream, n) -> {
                long now = read.getOrDefault(stream, 0L);
                if (now < n) {
                    behind.add(stream + " imported up to " + n + ", now up to " + now);
                    importedBefore.put(stream, n);
                }
            });
        });
        if (behind.isEmpty()) {
            return;
        }
        recover("this station's database is behind what it had reached at its last sync (" + recordFile.getFileName()
                + " says " + String.join("; ", behind) + ")", floors, importedBefore, true, run);
    }

    /**
     * Before a package is imported, once it is authenticated: what its acknowledgements say of the
     * databases on either side. The package itself is imported (or waits) as any other. Only a
     * package that is news counts: a copy of one imported before, or of a database of the sender's
     * that a later one replaced, put back in the mailbox, says nothing of the databases now.
     */
    void heard(PackageHeader header, SyncRun run) {
        Map<PackageStream, Long> lost = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        // at the head office, pairs: what the agent acknowledged before, what it acknowledges now
        List<Acknowledgement> wentBack = new ArrayList<>();
        database.useTransaction(c -> {
            if (!isNews(c, header)) {
                return;
            }
            for (Acknowledgement ack : header.acknowledgements()) {
                PackageStream stream = ack.stream();
                if (!stream.isWrittenBy(station.code())) {
                    continue;
                }
                long written = exported.last(c, stream);
                if (ack.sequence() > written) {
                    lost.put(stream, ack.sequence());
                    notes.add(Inbox.sender(header.stream()) + " has imported package " + ack.sequence() + " of " + stream
                            + ", and this station's database wrote only up to " + written);
                } else if (!station.isHeadOffice() && stream.equals(PackageStream.fromAgent(station.agentCode()))) {
                    long before = acknowledgements.acknowledged(c, stream, PackageStream.HEAD_OFFICE);
                    if (ack.sequence() < before) {
                        headOfficeWentBack(c, header, ack.sequence(), before, run);
                    }
                } else if (station.isHeadOffice() && ack.sequence() > 0) {
                    // 0: a station prepared again, which gets a full package anyway, has imported nothing yet
                    String agent = header.stream().agentCode();
                    long before = acknowledgements.acknowledged(c, stream, agent);
                    if (ack.sequence() < before) {
                        wentBack.add(new Acknowledgement(stream, before));
                        wentBack.add(ack);
                    }
                }
            }
            if (!wentBack.isEmpty()) {
                agentWentBack(c, header, wentBack, run);
            }
        });
        if (!lost.isEmpty()) {
            recover(String.join("; ", notes), lost, Map.of(), false, run);
        }
    }

    /** Later in its stream than what was imported, or from a database of the sender's not heard of before. */
    private boolean isNews(Connection c, PackageHeader header) throws SQLException {
        PackageStream stream = header.stream();
        Optional<String> epoch = header.senderEpoch();
        Optional<String> current = imported.lastOf(c, stream).flatMap(ImportedPackage::senderEpoch);
        if (epoch.isPresent() && current.isPresent() && !epoch.equals(current)) {
            return !imported.knowsEpoch(c, stream, epoch.get());
        }
        return header.sequence() > imported.last(c, stream);
    }

    private void headOfficeWentBack(Connection c, PackageHeader header, long now, long before, SyncRun run)
            throws SQLException {
        PackageStream mine = PackageStream.fromAgent(station.agentCode());
        acknowledgements.setBack(c, mine, PackageStream.HEAD_OFFICE, now, clock.instant());
        requests.ask(c, mine, clock.instant());
        String said = header.name().fileName() + " acknowledges package " + now + " of " + mine + ", and the head office"
                + " had acknowledged package " + before + " before: its database went back (restored from a backup)"
                + " and lost what this station sent after package " + now + ". This sync sends it again (the customers,"
                + " orders and special prices since), and the head office takes each once; nothing to do here";
        journal.write(c, clock.instant(), Event.RESTORED, Outcome.WARNING, header.name().fileName(), said);
        log.warn("{}", said);
        run.warnings.add(said);
    }

    /**
     * At the head office: an agent acknowledges less of streams written here than it did before
     * ({@code pairs}: before, now): its database went back (restored from a backup) and lost the
     * packages after. What it acknowledged is taken back, so those count as not received, and its own
     * stream comes in full at this sync (the packages it lost left the mailbox when it imported
     * them); the catalog's stand in the mailbox until a snapshot replaces them.
     */
    private void agentWentBack(Connection c, PackageHeader header, List<Acknowledgement> pairs, SyncRun run)
            throws SQLException {
        String agent = header.stream().agentCode();
        PackageStream own = PackageStream.toAgent(agent);
        List<String> lost = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i += 2) {
            PackageStream stream = pairs.get(i).stream();
            long now = pairs.get(i + 1).sequence();
            acknowledgements.setBack(c, stream, agent, now, clock.instant());
            lost.add("package " + now + " of " + stream + " (package " + pairs.get(i).sequence() + " before)");
        }
        requests.ask(c, own, clock.instant());
        String said = header.name().fileName() + " acknowledges " + String.join(" and ", lost) + ": agent " + agent
                + "'s database went back (restored from a backup) and lost what it had imported since. This sync"
                + " sends " + own + " in full, and the agent's next sync imports it with the catalog packages it"
                + " lacks; nothing to do here";
        journal.write(c, clock.instant(), Event.RESTORED, Outcome.WARNING, header.name().fileName(), said);
        log.warn("{}", said);
        run.warnings.add(said);
    }

    /**
     * This station's database went back: a new epoch (unless the current one already began at a
     * restore and the evidence is only a reader's acknowledgement), every stream it writes carrying on
     * after the highest number used, and at the head office a full package of each.
     */
    private void recover(String found, Map<PackageStream, Long> floors, Map<PackageStream, Long> importedBefore,
                         boolean renewEpoch, SyncRun run) {
        List<PackageStream> streams = database.inTransaction(this::writtenHere);
        Map<PackageStream, Long> highest = new LinkedHashMap<>();
        for (PackageStream stream : streams) {
            long floor = floors.getOrDefault(stream, 0L);
            for (PackageName name : mailbox.apply(stream).orElse(List.of())) {
                floor = Math.max(floor, name.sequence());
            }
            highest.put(stream, floor);
        }
        Instant now = clock.instant();
        String said = database.inTransaction(c -> {
            Optional<Epoch> current = epochs.current(c);
            Epoch epoch = current.orElse(null);
            boolean renewed = renewEpoch || epoch == null || epoch.cause() != Epoch.Cause.RESTORED;
            if (renewed) {
                epoch = epochs.begin(c, now, Epoch.Cause.RESTORED, found);
            }
            List<String> carried = new ArrayList<>();
            for (Map.Entry<PackageStream, Long> e : highest.entrySet()) {
                PackageStream stream = e.getKey();
                if (e.getValue() > exported.last(c, stream)) {
                    exported.continueAfter(c, stream, e.getValue(), now);
                    carried.add(stream + " after " + e.getValue());
                }
                if (station.isHeadOffice() && (renewed || floors.containsKey(stream))) {
                    // a new epoch begins with a full package, which its readers need before its deltas
                    requests.ask(c, stream, now);
                }
            }
            if (!station.isHeadOffice()) {
                // what it imported since the backup is gone, and so are those packages from the mailbox: the
                // head office sends its stream in full, numbered above any this database ever imported
                PackageStream own = PackageStream.toAgent(station.agentCode());
                long after = Math.max(imported.last(c, own), importedBefore.getOrDefault(own, 0L));
                requests.ask(c, new FullRequest(own, after), now);
            }
            String text = found + ": the database was restored from a backup or made again. Its packages carry a new"
                    + " identity (epoch " + epoch.shortId() + ")" + (carried.isEmpty() ? "" : " and carry on after the"
                    + " numbers already used (" + String.join(", ", carried) + ")") + (station.isHeadOffice()
                    ? "; every agent gets a full package at this sync and sends again what this database lacks at its"
                    + " next one: sync every agent, then the head office again, and check sincro hq agents"
                    : "; this station sends the head office everything it holds again, which the head office takes"
                    + " once, and asks it for this agent's data in full (as sincro sync --full): the head office's"
                    + " next sync sends it and this station's sync after that imports it, keeping what was made here;"
                    + " sync here, then the head office, then here again");
            journal.write(c, now, Event.RESTORED, Outcome.WARNING, null, text);
            return text;
        });
        log.warn("{}", said);
        run.warnings.add(said);
        // at once: a sync stopped from here on must not find the same loss again and begin another epoch
        try {
            writeRecord();
        } catch (UncheckedIOException e) {
            // the end of the sync tries again, and says so if it cannot
            log.debug("could not write the record yet", e);
        }
    }

    private List<PackageStream> writtenHere(Connection c) throws SQLException {
        List<PackageStream> streams = new ArrayList<>();
        if (station.isHeadOffice()) {
            streams.add(PackageStream.catalog());
            for (Agent agent : agents.all(c)) {
                streams.add(PackageStream.toAgent(agent.code()));
            }
        } else {
            streams.add(PackageStream.fromAgent(station.agentCode()));
        }
        return streams;
    }

    /** At the end of a sync: what the database has reached, for the next sync to compare with. */
    void writeRecord() {
        LedgerRecord record = database.inTransaction(c -> new LedgerRecord(station.code(),
                epochs.current(c).map(Epoch::id).orElse(""), exported.lastOfEach(c), imported.lastOfEach(c)));
        record.write(recordFile);
    }
}
