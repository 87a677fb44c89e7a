package io.sincro.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sincro.db.Station;
import io.sincro.db.journal.Journal;
import io.sincro.db.journal.JournalEntry.Event;
import io.sincro.db.journal.JournalEntry.Outcome;
import io.sincro.format.PackageHeader;
import io.sincro.format.PackageKind;
import io.sincro.format.PackageStream;
import io.sincro.format.StationNotes;
import io.sincro.format.StationNotes.FullRequest;
import io.sincro.sync.ledger.ExportedPackage;
import io.sincro.sync.ledger.ExportedPackages;
import io.sincro.sync.ledger.SnapshotRequests;

/**
 * What a station says about itself in its packages' headers ({@link StationNotes}), and what it does
 * with what the other side says. An agent carries its requests for full packages ({@code sincro sync
 * --full}) until a full package above the one it had answers each; the head office asks its own next
 * sync for what an agent asked. A package is worth writing for news here alone: a new request.
 */
final class Notes {

    private static final Logger log = LoggerFactory.getLogger(Notes.class);

    private final Station station;
    private final SnapshotRequests requests = new SnapshotRequests();
    private final ExportedPackages exported = new ExportedPackages();
    private final Journal journal = new Journal();

    Notes(Station station) {
        this.station = station;
    }

    /** What the next package of {@code stream}, written by this station, says about it. */
    StationNotes next(Connection c, PackageStream stream) throws SQLException {
        if (stream.direction() != PackageStream.Direction.AGENT_TO_HEAD_OFFICE) {
            return StationNotes.NONE;
        }
        return new StationNotes(requests.all(c).stream().map(SnapshotRequests.Asked::request)
                .filter(r -> r.stream().isReadBy(station.code())).toList(), Optional.empty(), Optional.empty());
    }

    /** Whether {@code notes} are worth a package of {@code stream} of their own: a request not carried yet. */
    boolean news(Connection c, PackageStream stream, StationNotes notes) throws SQLException {
        if (stream.direction() != PackageStream.Direction.AGENT_TO_HEAD_OFFICE) {
            return false;
        }
        Optional<Instant> lastWritten = exported.find(c, stream, exported.last(c, stream)).map(ExportedPackage::writtenAt);
        return requests.all(c).stream().anyMatch(a -> a.request().stream().isReadBy(station.code())
                && (lastWritten.isEmpty() || !a.at().isBefore(lastWritten.get())));
    }

    /** What an arriving package says, in its import's transaction. */
    void received(Connection c, PackageHeader header, Instant now) throws SQLException {
        PackageStream stream = header.stream();
        StationNotes notes = header.notes();
        if (station.isHeadOffice()) {
            List<String> asked = new ArrayList<>();
            for (FullRequest request : notes.asksFull()) {
                if (exported.lastFull(c, request.stream()) > request.after()) {
                    continue;
                }
                requests.ask(c, request.stream(), now);
                asked.add(request.stream().id());
            }
            if (!asked.isEmpty()) {
                String detail = "agent " + stream.agentCode() + " asked for " + String.join(" and ", asked)
                        + " in full (sincro sync --full); this sync sends " + (asked.size() == 1 ? "it" : "them");
                log.info("{}", detail);
                journal.write(c, now, Event.REPUBLISH, Outcome.OK, header.name().fileName(), detail);
            }
            return;
        }
        if (header.kind() == PackageKind.FULL) {
            for (SnapshotRequests.Asked a : requests.all(c)) {
                if (a.request().stream().equals(stream) && header.sequence() > a.request().after()) {
                    requests.answered(c, stream);
                    journal.write(c, now, Event.REPUBLISH, Outcome.OK, header.name().fileName(), stream
                            + " arrived in full, as asked (sincro sync --full)");
                }
            }
        }
    }
}
