package io.sincro.sync.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import io.sincro.db.UtcTimestamps;
import io.sincro.format.PackageStream;

/**
 * The snapshot_request table: the streams whose next package must be a full one because someone
 * asked for it ({@code sincro hq republish}); the request goes in the transaction that writes it.
 */
public final class SnapshotRequests {

    private static final String UPDATE = "UPDATE snapshot_request SET asked_at = ? WHERE stream = ?";
    private static final String INSERT = "INSERT INTO snapshot_request (asked_at, stream) VALUES (?, ?)";
    private static final String ASKED = "SELECT 1 FROM snapshot_request WHERE stream = ?";
    private static final String ANSWERED = "DELETE FROM snapshot_request WHERE stream = ?";

    /** Asks for a full package of {@code stream} at the next sync; asking again changes nothing but the time. */
    public void ask(Connection c, PackageStream stream, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(UPDATE)) {
            UtcTimestamps.set(s, 1, at);
            s.setString(2, stream.id());
            if (s.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            UtcTimestamps.set(s, 1, at);
            s.setString(2, stream.id());
            s.executeUpdate();
        }
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
