package io.sincro.sync.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.sincro.db.UtcTimestamps;
import io.sincro.format.PackageStream;
import io.sincro.format.StationNotes.FullRequest;

/**
 * The snapshot_request table: the streams whose next package must be a full one because someone
 * asked for it. At the head office, {@code sincro hq republish} or an agent's package asking; the
 * request goes in the transaction that writes the package. At an agent, {@code sincro sync --full}:
 * the streams it asks for, each after the last package of it it had imported, carried by its
 * packages until a full package above that number is imported.
 */
public final class SnapshotRequests {

    private static final String UPDATE = "UPDATE snapshot_request SET asked_at = ?, after_sequence = ? WHERE stream = ?";
    private static final String INSERT = "INSERT INTO snapshot_request (asked_at, after_sequence, stream) VALUES (?, ?, ?)";
    private static final String ALL = "SELECT stream, after_sequence, asked_at FROM snapshot_request ORDER BY stream";
    private static final String ASKED = "SELECT 1 FROM snapshot_request WHERE stream = ?";
    private static final String ANSWERED = "DELETE FROM snapshot_request WHERE stream = ?";

    /**
     * Asks for a full package of {@code stream} at the next sync (at an agent, of its own stream: every
     * change the head office does not hold, as a restored head office needs); asking again changes
     * nothing but the time.
     */
    public void ask(Connection c, PackageStream stream, Instant at) throws SQLException {
        ask(c, stream, 0, at);
    }

    /** Asks for a full package of the request's stream numbered above its {@code after}. */
    public void ask(Connection c, FullRequest request, Instant at) throws SQLException {
        ask(c, request.stream(), request.after(), at);
    }

    private void ask(Connection c, PackageStream stream, long after, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(UPDATE)) {
            UtcTimestamps.set(s, 1, at);
            s.setLong(2, after);
            s.setString(3, stream.id());
            if (s.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            UtcTimestamps.set(s, 1, at);
            s.setLong(2, after);
            s.setString(3, stream.id());
            s.executeUpdate();
        }
    }

    /** A request and when it was made. */
    public record Asked(FullRequest request, Instant at) {
    }

    /**
     * Every request for one of the head office's streams not yet answered, in stream order: what an
     * agent asks for in its packages (its request for its own stream stays at home).
     */
    public List<Asked> all(Connection c) throws SQLException {
        List<Asked> result = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(ALL); ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                Optional<PackageStream> stream = PackageStream.parse(rows.getString("stream"));
                if (stream.isPresent() && stream.get().direction() != PackageStream.Direction.AGENT_TO_HEAD_OFFICE) {
                    result.add(new Asked(new FullRequest(stream.get(), rows.getLong("after_sequence")),
                            UtcTimestamps.get(rows, "asked_at")));
                }
            }
        }
        return result;
    }

    public boolean isAsked(Connection c, PackageStream stream) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(ASKED)) {
            s.setString(1, stream.id());
            try (ResultSet rows = s.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** The full package was written: the request is answered. */
    public void answered(Connection c, PackageStream stream) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(ANSWERED)) {
            s.setString(1, stream.id());
            s.executeUpdate();
        }
    }
}
