package io.sincro.sync;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sincro.db.Station;
import io.sincro.db.agents.Agents;
import io.sincro.db.changes.ChangeSequence;
import io.sincro.format.Acknowledgement;
import io.sincro.format.PackageHeader;
import io.sincro.format.PackageKind;
import io.sincro.format.PackageRefusedException;
import io.sincro.format.PackageRefusedException.Reason;
import io.sincro.format.PackageStream;
import io.sincro.format.file.PackageFiles;
import io.sincro.format.file.PackageSections;
import io.sincro.format.file.VerifiedPackage;
import io.sincro.format.rows.Section;
import io.sincro.rules.flow.Arrival;
import io.sincro.rules.flow.FlowRules;
import io.sincro.rules.flow.Receipt;
import io.sincro.rules.flow.ValueLimits;
import io.sincro.sync.ledger.Acknowledgements;
import io.sincro.sync.ledger.ExportedPackage;
import io.sincro.sync.ledger.ExportedPackages;
import io.sincro.sync.ledger.ImportedPackage;
import io.sincro.sync.ledger.ImportedPackages;

/**
 * Imports packages into this station's database, each exactly once and in order, inside the
 * caller's transaction (so the caller can record it in its own ledger in the same commit):
 * <ol>
 * <li>{@link #verify} checks the file and acts on nothing (do it first, outside the transaction:
 * size and SHA-256, caps, the header against the name);</li>
 * <li>{@link #importPackage} checks it is this station's to read and next in its stream, applies its
 * rows by the flow rules, and records its identity and the sender's acknowledgements. Three threads
 * share the work, so a large package costs little more than the database's part: one reads the rows
 * (see {@link PackageSections}), one checks the document (safe XML, the schema), and the
 * caller's writes them, into an empty table in one bulk insert; the import ends only when all three
 * have succeeded.</li>
 * </ol>
 * A refusal is a {@link PackageRefusedException}; the caller's transaction must then roll back, and
 * nothing of the package remains.
 */
final class PackageImporter {

    private static final Logger log = LoggerFactory.getLogger(PackageImporter.class);

    private final Station station;
    private final Clock clock;
    private final PackageFiles files;
    private final FlowRules rules;
    private final ValueLimits limits;
    private final ChangeSequence changes = new ChangeSequence();
    private final ImportedPackages imported = new ImportedPackages();
    private final ExportedPackages exported = new ExportedPackages();
    private final Acknowledgements acknowledgements = new Acknowledgements();
    private final Agents agents = new Agents();
    private final Optional<Notes> notes;

    PackageImporter(Station station, Clock clock, PackageFiles files) {
        this(station, clock, files, ValueLimits.defaults(), Optional.empty());
    }

    /**
     * @param limits the bounds every arriving value must keep
     * @param notes  what to do with what a package says about its sender (its requests, its health,
     *               this station's clock)
     */
    PackageImporter(Station station, Clock clock, PackageFiles files, ValueLimits limits, Optional<Notes> notes) {
        this.notes = notes;
        this.limits = limits;
        this.station = station;
        this.clock = clock;
        this.files = files;
        this.rules = new FlowRules(station);
    }

    /**
     * The first pass: checks a package file without touching the database, all but its document
     * (the XML and the schema), which {@link #importPackage} checks beside the import.
     *
     * @throws PackageRefusedException saying what is wrong, including a package of a stream this
     *                                 station does not read
     */
    VerifiedPackage verify(Path file) {
        VerifiedPackage p = files.verifySeal(file);
        checkReadHere(p.header());
        return p;
    }

    /** Verifies and imports a package, in the caller's transaction. */
    ImportReport importPackage(Connection c, Path file) throws SQLException {
        return importPackage(c, verify(file));
    }

    /**
     * Imports a verified package in the caller's transaction: its rows by the flow rules, its
     * identity in imported_package, the acknowledgements it carries. A package imported before, or
     * whose content a later package already brought, changes nothing.
     *
     * @throws PackageRefusedException when it is not next in its stream (an earlier package is
     *                                 missing: {@link PackageRefusedException#mustWait()}), breaks
     *                                 the flow rules, or its file changed since {@link #verify}
     */
    ImportReport importPackage(Connection c, VerifiedPackage p) throws SQLException {
        PackageHeader header = p.header();
        checkReadHere(header);
        PackageStream stream = header.stream();
        if (station.isHeadOffice() && agents.find(c, stream.agentCode()).isEmpty()) {
            throw new PackageRefusedException(Reason.NOT_FOR_THIS_STATION, "package " + p.name() + " comes from agent "
                    + stream.agentCode() + ", who is not in the company database; import the agents first, or set the"
                    + " package aside if that agent does not exist");
        }
        // taken first, as every local write does, so an import never deadlocks with one
        changes.lock(c);
        Instant now = clock.instant();
        Duration clockDifference = header.clockDifference(now);
        long last = imported.last(c, stream);
        Optional<String> epoch = header.senderEpoch();
        Optional<String> current = imported.lastOf(c, stream).flatMap(ImportedPackage::senderEpoch);
        if (epoch.isPresent() && current.isPresent() && !epoch.equals(current)) {
            if (imported.knowsEpoch(c, stream, epoch.get())) {
                // an earlier database of the sender's: a later one took over, with a full package
                return new ImportReport(p.name(), header, ImportReport.Outcome.SUPERSEDED,
                        new Receipt(List.of(), List.of(), List.of(), List.of()), clockDifference,
                        header.acknowledgements());
            }
            checkNewEpoch(header, epoch.get(), last);
        }
        if (header.sequence() <= last) {
            boolean seen = imported.find(c, p.name()).isPresent();
            return new ImportReport(p.name(), header, seen ? ImportReport.Outcome.ALREADY_IMPORTED
                    : ImportReport.Outcome.SUPERSEDED, new Receipt(List.of(), List.of(), List.of(), List.of()),
                    clockDifference, header.acknowledgements());
        }
        if (header.kind() == PackageKind.DELTA && header.basedOn() > last) {
            throw new PackageRefusedException(Reason.OUT_OF_SEQUENCE, "package " + p.name() + " holds the changes"
                    + " after package " + header.basedOn() + " of " + stream + ", but this station has imported"
                    + " only up to " + last + "; package" + (header.basedOn() == last + 1 ? " " + (last + 1)
                    : "s " + (last + 1) + " to " + header.basedOn()) + " must be imported first (nothing was"
                    + " skipped; this one waits)");
        }
        if (header.kind() == PackageKind.FULL && stream.direction() == PackageStream.Direction.AGENT_TO_HEAD_OFFICE) {
            throw new PackageRefusedException(Reason.RULE_VIOLATED, "package " + p.name() + " is a full package, and"
                    + " an agent only ever sends deltas: it was refused and changes nothing, check agent "
                    + stream.agentCode() + "'s station");
        }
        checkAcknowledgements(header);
        // the reading starts first, so its threads open, unzip and parse the file while this one
        // prepares the ledger: the first rows are ready when the rows' turn comes
        try (PackageSections sections = files.sections(p)) {
            // the ledger's questions asked and its insert prepared before the rows, its writes made
            // after them: after a bulk insert Derby compiles every statement its transaction
            // prepares anew, bypassing its cache until the commit
            try (ImportedPackages.Line line = imported.line(c)) {
                Ledger ledger = ledger(c, header);
                Arrival arrival = new Arrival(station, header, now, seenMark(c, header), limits);
                FlowRules.Receiving receiving = rules.receive(c, arrival);
                try {
                    for (Section section = sections.next(); section != null; section = sections.next()) {
                        receiving.receive(section);
                    }
                } catch (RuntimeException e) {
                    throw sections.explain(e);
                } catch (SQLException e) {
                    throw sections.explain(e);
                }
                sections.finish();
                // the ledger after the rows, at the end of the same transaction: its rows are what
                // the status pages read (the dashboard, the agent's home), so they are locked for a
                // moment, not for the whole of a large import
                recordLedger(c, line, ledger, p, now, clockDifference);
                Receipt receipt = receiving.receipt();
                log.info("imported {} ({} rows, {} conflicts, {} customer differences, clock difference {})",
                        p.name(), header.totalRows(), receipt.conflicts().size(), receipt.differences().size(),
                        clockDifference);
                return new ImportReport(p.name(), header, ImportReport.Outcome.IMPORTED, receipt, clockDifference,
                        header.acknowledgements());
            }
        }
    }

    /**
     * What the ledger holds that a package's record depends on: for each of the sender's
     * acknowledgements, the figure to record (never more than this station really wrote: an
     * acknowledgement of a package not yet written would let the next one go unread) and the one
     * recorded before; and what its header asks ({@link Notes#heard}).
     */
    private record Ledger(List<Acknowledged> acknowledgements, Optional<Notes.Heard> heard) {
    }

    private record Acknowledged(PackageStream stream, long sequence, OptionalLong known) {
    }

    private Ledger ledger(Connection c, PackageHeader header) throws SQLException {
        // one figure a stream, the highest, however many times the header names it
        Map<PackageStream, Long> highest = new LinkedHashMap<>();
        for (Acknowledgement ack : header.acknowledgements()) {
            highest.merge(ack.stream(), ack.sequence(), Math::max);
        }
        List<Acknowledged> acks = new ArrayList<>();
        for (Map.Entry<PackageStream, Long> ack : highest.entrySet()) {
            long written = exported.last(c, ack.getKey());
            if (ack.getValue() > written) {
                log.warn("{} acknowledges package {} of {}, and this station has written only up to {}: taken as {}",
                        header.name(), ack.getValue(), ack.getKey(), written, written);
            }
            acks.add(new Acknowledged(ack.getKey(), Math.min(ack.getValue(), written),
                    acknowledgements.find(c, ack.getKey(), header.sender())));
        }
        return new Ledger(acks, notes.isPresent() ? Optional.of(notes.get().heard(c, header)) : Optional.empty());
    }

    /**
     * The package's identity in imported_package, the sender's acknowledgements and what its header
     * says of the sender ({@link Notes#received}), in the import's transaction.
     */
    private void recordLedger(Connection c, ImportedPackages.Line line, Ledger ledger, VerifiedPackage p, Instant now,
                              Duration clockDifference) throws SQLException {
        PackageHeader header = p.header();
        line.record(new ImportedPackage(p.name(), header.kind().name(), p.name().fileName(), p.seal().digest(),
                header.senderClock().toInstant(), clockDifference, now, header.totalRows(), header.senderEpoch()));
        for (Acknowledged ack : ledger.acknowledgements()) {
            acknowledgements.record(c, ack.stream(), header.sender(), ack.sequence(), now, ack.known());
        }
        if (ledger.heard().isPresent()) {
            notes.get().received(c, ledger.heard().get(), now);
        }
    }

    /**
     * A package from a database of the sender's this station has not imported from before (restored
     * from a backup, or made again): its number may have been used by the earlier one with other
     * content, so one not above what was imported waits until the sender carries on after it; and a
     * delta of the head office's new database waits for the full package that begins it. An agent's
     * delta goes in as any other: a station prepared again or restored carries on after what the head
     * office imported, its first delta holding everything.
     */
    private void checkNewEpoch(PackageHeader header, String epoch, long last) {
        String who = Inbox.sender(header.stream());
        String identity = who + "'s database under a new identity (epoch " + epoch.substring(0, Math.min(8,
                epoch.length())) + ": it was restored from a backup or made again)";
        if (header.sequence() <= last) {
            throw new PackageRefusedException(Reason.OUT_OF_SEQUENCE, "package " + header.name() + " comes from "
                    + identity + ", and this station imported up to package " + last + " of " + header.stream()
                    + " from the earlier one: number " + header.sequence() + " was used before with other content,"
                    + " so it is not taken for a package imported before; it waits until " + who + " carries on"
                    + " after " + last + ", which its next sync does once this station's acknowledgement has"
                    + " reached it (nothing to do here but sync again after it)");
        }
        if (header.kind() == PackageKind.DELTA && header.stream().direction()
                != PackageStream.Direction.AGENT_TO_HEAD_OFFICE) {
            throw new PackageRefusedException(Reason.OUT_OF_SEQUENCE, "package " + header.name() + " is a delta of "
                    + identity + ", and this station has no full package of it yet; it waits for the full package"
                    + " that begins it, which " + who + " sends at its next sync (sincro hq republish there if it"
                    + " does not come)");
        }
    }

    private void checkReadHere(PackageHeader header) {
        if (!header.stream().isReadBy(station.code())) {
            throw new PackageRefusedException(Reason.NOT_FOR_THIS_STATION, "package " + header.name() + " goes from "
                    + header.sender() + " to " + recipient(header) + ", and this station is the " + station
                    + "; it was not imported, check which folder it came from");
        }
    }

    private static String recipient(PackageHeader header) {
        return switch (header.recipient()) {
            case PackageStream.HEAD_OFFICE -> "the head office";
            case PackageStream.EVERY_AGENT -> "every agent";
            default -> "agent " + header.recipient();
        };
    }

    /** A package acknowledges only streams its sender reads from this station. */
    private void checkAcknowledgements(PackageHeader header) {
        for (Acknowledgement ack : header.acknowledgements()) {
            PackageStream acked = ack.stream();
            boolean fromHere = acked.isWrittenBy(station.code()) && (acked.direction() == PackageStream.Direction.CATALOG
                    || header.sender().equals(acked.recipient()));
            if (!fromHere) {
                throw new PackageRefusedException(Reason.RULE_VIOLATED, "package " + header.name()
                        + " acknowledges stream " + acked + ", which its sender does not receive from this station;"
                        + " it was refused, check the sender's station");
            }
        }
    }

    /**
     * This station's change number as of the last package of ours the sender says it imported: a
     * local change above it had not reached the sender when it wrote this package.
     */
    private long seenMark(Connection c, PackageHeader header) throws SQLException {
        PackageStream ours = header.stream().direction() == PackageStream.Direction.AGENT_TO_HEAD_OFFICE
                ? PackageStream.toAgent(header.stream().agentCode())
                : header.stream().direction() == PackageStream.Direction.HEAD_OFFICE_TO_AGENT
                        ? PackageStream.fromAgent(header.stream().agentCode()) : null;
        if (ours == null) {
            return 0;
        }
        for (Acknowledgement ack : header.acknowledgements()) {
            if (ack.stream().equals(ours) && ack.sequence() > 0) {
                return exported.find(c, ours, ack.sequence()).map(ExportedPackage::changeMark).orElse(0L);
            }
        }
        return 0;
    }
}
