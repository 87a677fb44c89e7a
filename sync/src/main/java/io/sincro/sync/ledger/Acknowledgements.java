package io.sincro.sync.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import io.sincro.db.UtcTimestamps;
import io.sincro.format.PackageStream;

/**
 * The acknowledgement table: for each stream this station writes and each station reading it, the
 * highest package that station has said it imported. A delta is based on it; packages up to it may
 * leave the mailbox (for the shared catalog, once every agent has acknowledged them).
 */
public final class Acknowledgements {

    private static final String SELECT = "SELECT sequence FROM acknowledgement WHERE stream = ? AND station = ?";
    private static final String ALL = "SELECT stream, station, sequence FROM acknowledgement";
    private static final String MARK_OF_ACKNOWLEDGED = """
            SELECT a.stream, a.station, e.change_mark FROM acknowledgement a
            JOIN exported_package e ON e.stream = a.stream AND e.sequence = a.sequence
            """;
    private static final String UPDATE = """
            UPDATE acknowledgement SET sequence = ?, received_at = ? WHERE stream = ? AND station = ? AND sequence < ?
            """;
    private static final String SET_BACK = """
            UPDATE acknowledgement SET sequence = ?, received_at = ? WHERE stream = ? AND station = ? AND sequence > ?
            """;
    private static final String INSERT = """
            INSERT INTO acknowledgement (sequence, received_at, stream, station) VALUES (?, ?, ?, ?)
            """;

    /** The highest package of {@code stream} that {@code station} (HQ or an agent code) acknowledged, 0 when none. */
    public long acknowledged(Connection c, PackageStream stream, String station) throws SQLException {
        return find(c, stream, station).orElse(0);
    }

    /** What {@code station} acknowledged of {@code stream}: empty when it never did (not even package 0). */
    public OptionalLong find(Connection c, PackageStream stream, String station) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT)) {
            s.setString(1, stream.id());
            s.setString(2, station);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? OptionalLong.of(rows.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    /**
     * Every acknowledgement at once ({@link #acknowledged} of each stream and reader): by stream, then
     * reader; a reader with no figure acknowledged nothing.
     */
    public ReaderFigures all(Connection c) throws SQLException {
        return byStreamAndReader(c, ALL);
    }

    /**
     * For every acknowledgement a reader sent of a package this station still has on record, the
     * change mark of that package: the changes the reader holds (none when it has no figure).
     */
    public ReaderFigures marks(Connection c) throws SQLException {
        return byStreamAndReader(c, MARK_OF_ACKNOWLEDGED);
    }

    /**
     * Records an acknowledgement; an older one than what is known changes nothing. {@code known} is
     * what {@link #find} gave earlier in the same transaction: an import asks it before its rows and
     * writes after them (see {@link ImportedPackages#line}), and only a sync writes this table, one
     * at a time at a station. Were the row inserted in between all the same, the insert would fail on
     * its key and the transaction roll back, never record twice.
     */
    public void record(Connection c, PackageStream stream, String station, long sequence, Instant at,
                       OptionalLong known) throws SQLException {
        if (known.isPresent() && known.getAsLong() >= sequence) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(known.isEmpty() ? INSERT : UPDATE)) {
            s.setLong(1, sequence);
            UtcTimestamps.set(s, 2, at);
            s.setString(3, stream.id());
            s.setString(4, station);
            if (known.isPresent()) {
                s.setLong(5, sequence);
            }
            s.executeUpdate();
        }
    }

    /**
     * Takes what {@code station} acknowledged of {@code stream} back to {@code sequence}: the reader
     * lost the packages after it (its database was restored from a backup), so they count as not
     * received. Returns whether it went back.
     */
    public boolean setBack(Connection c, PackageStream stream, String station, long sequence, Instant at)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SET_BACK)) {
            s.setLong(1, sequence);
            UtcTimestamps.set(s, 2, at);
            s.setString(3, stream.id());
            s.setString(4, station);
            s.setLong(5, sequence);
            return s.executeUpdate() > 0;
        }
    }

    private static ReaderFigures byStreamAndReader(Connection c, String query)
            throws SQLException {
        Map<PackageStream, Map<String, Long>> values = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(query); ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                Optional<PackageStream> stream = PackageStream.parse(rows.getString(1));
                if (stream.isPresent()) {
                    values.computeIfAbsent(stream.get(), k -> new HashMap<>()).put(rows.getString(2), rows.getLong(3));
                }
            }
        }
        return new ReaderFigures(values);
    }
}
