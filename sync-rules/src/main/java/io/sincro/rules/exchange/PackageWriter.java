package io.sincro.rules.exchange;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sincro.db.Station;
import io.sincro.db.changes.ChangeSequence;
import io.sincro.format.Acknowledgement;
import io.sincro.format.PackageHeader;
import io.sincro.format.PackageKind;
import io.sincro.format.PackageName;
import io.sincro.format.PackageStream;
import io.sincro.format.file.PackageFiles;
import io.sincro.format.file.WrittenPackage;
import io.sincro.rules.flow.FlowRules;

/**
 * Builds the next package of a stream from this station's database: what the flow rules say the
 * stream carries, either everything (FULL) or what changed after a package the other side has
 * ({@code writeDelta}). It runs in the caller's transaction and records the package in
 * exported_package there, with the station's change number, which the next delta starts from.
 *
 * <p>Commit before uploading: if the transaction rolls back, delete the file it wrote (a package
 * name is never reused, so a leftover would block the next write of that stream).
 */
public final class PackageWriter {

    private static final Logger log = LoggerFactory.getLogger(PackageWriter.class);

    private final Station station;
    private final Clock clock;
    private final PackageFiles files;
    private final FlowRules rules;
    private final ChangeSequence changes = new ChangeSequence();
    private final ExportedPackages exported = new ExportedPackages();
    private final ImportedPackages imported = new ImportedPackages();

    public PackageWriter(Station station, Clock clock, PackageFiles files) {
        this.station = station;
        this.clock = clock;
        this.files = files;
        this.rules = new FlowRules(station);
    }

    /** Writes everything {@code stream} carries into {@code folder}. */
    public WrittenPackage writeFull(Connection c, PackageStream stream, Path folder) throws SQLException {
        return write(c, stream, PackageKind.FULL, 0, folder);
    }

    /**
     * Writes what changed after package {@code basedOn} of {@code stream} (0: since the station began
     * tracking changes) into {@code folder}. The other side must have imported {@code basedOn}: use
     * the package it last acknowledged ({@link Acknowledgements}), or the previous package when
     * every package is sure to arrive in order.
     *
     * @throws IllegalArgumentException when {@code basedOn} is not a package this station wrote
     */
    public WrittenPackage writeDelta(Connection c, PackageStream stream, long basedOn, Path folder) throws SQLException {
        return write(c, stream, PackageKind.DELTA, basedOn, folder);
    }

    private WrittenPackage write(Connection c, PackageStream stream, PackageKind kind, long basedOn, Path folder)
            throws SQLException {
        if (!stream.isWrittenBy(station.code())) {
            throw new IllegalArgumentException("the " + station + " does not write stream " + stream
                    + "; only " + stream.sender() + " does");
        }
        long sequence = exported.last(c, stream) + 1;
        if (sequence > PackageName.MAX_SEQUENCE) {
            throw new IllegalStateException("stream " + stream + " has used all " + PackageName.MAX_SEQUENCE
                    + " package numbers");
        }
        long since = 0;
        if (basedOn > 0) {
            since = exported.find(c, stream, basedOn).orElseThrow(() -> new IllegalArgumentException("package "
                    + basedOn + " of stream " + stream + " was never written by this station, so no delta can be"
                    + " based on it; write a full package instead")).changeMark();
        }
        // taken before reading any row: a change committed while the package is written is above
        // it, so the next delta carries it even if this package missed it
        long mark = changes.mark(c);
        Instant now = clock.instant();
        PackageHeader header = new PackageHeader(PackageHeader.FORMAT_VERSION, stream, sequence, kind, basedOn, now,
                OffsetDateTime.ofInstant(now, clock.getZone()),
                acknowledgements(c, stream), List.of());
        long changedSince = since;
        WrittenPackage written = files.write(folder, header, rows -> rules.send(c, stream, kind, changedSince, rows));
        exported.record(c, new ExportedPackage(written.name(), kind, basedOn, mark, written.fileBytes(),
                written.seal().digest(), now, written.header().totalRows()));
        log.info("wrote {} ({} {}, {} rows, {} bytes)", written.name(), kind, kind == PackageKind.DELTA
                ? "after package " + basedOn : "snapshot", written.header().totalRows(), written.fileBytes());
        return written;
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
