package io.sincro.sync;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sincro.db.Station;
import io.sincro.db.changes.ChangeSequence;
import io.sincro.format.Acknowledgement;
import io.sincro.format.PackageHeader;
import io.sincro.format.PackageKind;
import io.sincro.format.PackageName;
import io.sincro.format.PackageStream;
import io.sincro.format.StationNotes;
import io.sincro.format.file.PackageFiles;
import io.sincro.format.file.WrittenPackage;
import io.sincro.rules.flow.FlowRules;
import io.sincro.rules.flow.ValueLimits;
import io.sincro.sync.ledger.AgentHealth;
import io.sincro.sync.ledger.Epoch;
import io.sincro.sync.ledger.Epochs;
import io.sincro.sync.ledger.ExportedPackage;
import io.sincro.sync.ledger.ExportedPackages;
import io.sincro.sync.ledger.ImportedPackages;

/**
 * Writes the next package of a stream from this station's database, in two steps so the caller can
 * decide in between whether it is worth writing: {@link #next} says what it would be (its number,
 * the package it follows, the change number its rows start after, what it acknowledges), and
 * {@link #write} writes what the flow rules say the stream carries, everything for a FULL package,
 * the changes after {@code since} for a DELTA, and records it in the ledger in the caller's
 * transaction, with the station's change number the next delta starts from.
 *
 * <p>Commit before uploading: if the transaction rolls back, the file stays behind under a number
 * the next write takes again, so the caller deletes it (the outbox's sweep does).
 */
final class PackageWriter {

    private static final Logger log = LoggerFactory.getLogger(PackageWriter.class);

    /**
     * The package a stream would get next.
     *
     * @param since           the change number its rows start after (-1: all of them, a FULL package)
     * @param mark            this station's change mark, read before any row: the changes it holds
     *                        are those up to it
     * @param acknowledgements what it tells the other side this station imported
     * @param notes           what it says about this station
     */
    record Next(PackageStream stream, long sequence, PackageKind kind, long basedOn, long since, long mark,
                List<Acknowledgement> acknowledgements, StationNotes notes) {
    }

    /**
     * A package written.
     *
     * @param more whether changes were left for the stream's next package: orders beyond what one
     *             package may carry
     */
    record Written(WrittenPackage written, boolean more) {
    }

    private final Station station;
    private final Clock clock;
    private final PackageFiles files;
    private final FlowRules rules;
    private final ExportedPackages exported = new ExportedPackages();
    private final ImportedPackages imported = new ImportedPackages();
    private final Epochs epochs = new Epochs();
    private final Optional<Notes> notes;
    private final ValueLimits limits;

    /** A writer whose packages say nothing about this station, and carry at most the default limits' orders. */
    PackageWriter(Station station, Clock clock, PackageFiles files) {
        this(station, clock, files, Optional.empty(), ValueLimits.defaults());
    }

    /**
     * @param notes  what the packages say about this station, and where the station keeps what they said
     * @param limits the orders and lines one package may carry (the receiver refuses more): more
     *               orders wait for the stream's next package
     */
    PackageWriter(Station station, Clock clock, PackageFiles files, Optional<Notes> notes, ValueLimits limits) {
        this.station = station;
        this.clock = clock;
        this.files = files;
        this.rules = new FlowRules(station);
        this.notes = notes;
        this.limits = limits;
    }

    /**
     * The next package of {@code stream}: a FULL one, or a DELTA holding what changed after package
     * {@code basedOn} (0: since the station began tracking changes), which the other side must have
     * imported; this station's change mark being {@code mark}, read in this transaction before any
     * row ({@link ChangeSequence#lock} gives it to a caller holding the counter's lock), and the
     * stream's last package {@code last}, read in this transaction too ({@link ExportedPackages#ends}).
     *
     * @throws IllegalArgumentException when {@code basedOn} is not a package this station wrote
     */
    Next next(Connection c, PackageStream stream, PackageKind kind, long basedOn, long mark, long last)
            throws SQLException {
        if (!stream.isWrittenBy(station.code())) {
            throw new IllegalArgumentException("the " + station + " does not write stream " + stream
                    + "; only " + stream.sender() + " does");
        }
        long sequence = last + 1;
        if (sequence > PackageName.MAX_SEQUENCE) {
            throw new IllegalStateException("stream " + stream + " has used all " + PackageName.MAX_SEQUENCE
                    + " package numbers");
        }
        long since = -1;
        if (kind == PackageKind.DELTA) {
            since = basedOn == 0 ? 0 : exported.find(c, stream, basedOn).orElseThrow(() -> new IllegalArgumentException(
                    "package " + basedOn + " of stream " + stream + " was never written by this station, so no delta"
                    + " can be based on it; write a full package instead")).changeMark();
        }
        return new Next(stream, sequence, kind, kind == PackageKind.FULL ? 0 : basedOn, since, mark,
                acknowledgements(c, stream), notes.isEmpty() ? StationNotes.NONE : notes.get().next(c, stream));
    }

    /** Whether {@code next} says something about this station worth a package of its own. */
    boolean carriesNews(Connection c, Next next) throws SQLException {
        return notes.isPresent() && notes.get().news(c, next.stream(), next.notes());
    }

    /**
     * At the head office: whether a package to the agent whose row is {@code health} would say
     * something of its clock worth a package of its own ({@link #carriesNews}, from a row read beforehand).
     */
    boolean carriesNews(Optional<AgentHealth> health) {
        return notes.isPresent() && notes.get().clockNews(health);
    }

    /**
     * Whether {@code next}, a DELTA, would carry any row or deletion. What a delta selects is what was
     * stamped above its {@code since}, so when no number was handed out since (its {@code mark <=
     * since}: most syncs of an agent that only imports) nothing is asked of the tables.
     */
    boolean carriesRows(Connection c, Next next) throws SQLException {
        return next.since() < next.mark() && rules.changedSince(c, next.stream(), next.since());
    }

    /**
     * {@link #carriesRows} of the head office's stream to each agent of {@code sinceOfAgent} (the change
     * number its next delta starts after), asked for them all at once: the agents whose delta would
     * carry a row or deletion.
     */
    Set<String> agentsCarryingRows(Connection c, Map<String, Long> sinceOfAgent, long mark) throws SQLException {
        Map<String, Long> asked = new HashMap<>();
        sinceOfAgent.forEach((agent, since) -> {
            if (since < mark) {
                asked.put(agent, since);
            }
        });
        return rules.agentsChangedSince(c, asked);
    }

    /**
     * Writes {@code next} into {@code folder} and records it in the ledger. A package that could not
     * hold every order records as its change number the last order's it holds, so the stream's next
     * delta carries the rest.
     */
    Written write(Connection c, Next next, Path folder) throws SQLException {
        // taken before reading any row: a change committed while the package is written is above
        // it, so the next delta carries it even if this package missed it
        long mark = next.mark();
        Instant now = clock.instant();
        Optional<Epoch> epoch = epochs.current(c);
        String epochId = (epoch.isPresent() ? epoch.get()
                : epochs.begin(c, now, Epoch.Cause.CREATED, "the first package this database wrote")).id();
        PackageHeader header = new PackageHeader(PackageHeader.FORMAT_VERSION, next.stream(), next.sequence(),
                next.kind(), next.basedOn(), now, OffsetDateTime.ofInstant(now, clock.getZone()),
                next.acknowledgements(), List.of(), epochId, next.notes());
        OptionalLong[] cut = {OptionalLong.empty()};
        // a delta after the mark holds no row (carriesRows): its selection is not run
        boolean selects = next.kind() == PackageKind.FULL || next.since() < mark;
        WrittenPackage written = files.write(folder, header, rows -> {
            if (selects) {
                cut[0] = rules.send(c, next.stream(), next.kind(), next.since(), limits, rows);
            }
        });
        long covered = cut[0].isPresent() ? Math.min(mark, cut[0].getAsLong()) : mark;
        exported.record(c, ExportedPackage.written(written.name(), next.kind(), next.basedOn(), covered,
                written.fileBytes(), written.seal().digest(), now, written.header().totalRows()),
                next.acknowledgements());
        if (notes.isPresent()) {
            notes.get().written(c, written.name(), now, next.notes());
        }
        log.info("wrote {} ({} {}, {} rows, {} bytes{})", written.name(), next.kind(), next.kind() == PackageKind.DELTA
                ? "after package " + next.basedOn() : "snapshot", written.header().totalRows(), written.fileBytes(),
                cut[0].isPresent() ? "; the orders after change " + covered + " go in the next package" : "");
        return new Written(written, cut[0].isPresent());
    }

    /** What this station has imported from the stream's recipient: its acknowledgement. */
    private List<Acknowledgement> acknowledgements(Connection c, PackageStream stream) throws SQLException {
        List<Acknowledgement> acks = new ArrayList<>();
        switch (stream.direction()) {
            case AGENT_TO_HEAD_OFFICE -> {
                PackageStream mine = PackageStream.toAgent(stream.agentCode());
                acks.add(new Acknowledgement(mine, imported.last(c, mine)));
                acks.add(new Acknowledgement(PackageStream.catalog(), imported.last(c, PackageStream.catalog())));
            }
            case HEAD_OFFICE_TO_AGENT -> {
                PackageStream theirs = PackageStream.fromAgent(stream.agentCode());
                acks.add(new Acknowledgement(theirs, imported.last(c, theirs)));
            }
            case CATALOG -> {
                // written once for every agent: each agent's acknowledgement travels in its own stream
            }
        }
        return acks;
    }
}
