package io.sincro.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.sincro.db.UtcTimestamps;
import io.sincro.format.PackageKind;
import io.sincro.format.PackageName;
import io.sincro.format.PackageStream;

/**
 * The travel of the packages this station wrote (the exported_package table, which sync-rules
 * fills when it writes one): waiting, uploaded after how many attempts, taken out of the mailbox.
 * A package is written once and sent until it is there; it is never rebuilt under a new number.
 */
public final class OutboundQueue {

    private static final String COLUMNS = """
            stream, sequence, kind, row_count, bytes, written_at, attempts, last_attempt_at, last_error, uploaded_at""";
    private static final String WAITING = "SELECT " + COLUMNS + """
             FROM exported_package WHERE uploaded_at IS NULL AND removed_at IS NULL ORDER BY stream, sequence
            """;
    private static final String IN_MAILBOX = "SELECT " + COLUMNS + """
             FROM exported_package WHERE stream = ? AND uploaded_at IS NOT NULL AND removed_at IS NULL
             ORDER BY sequence
            """;
    private static final String NOT_REMOVED = "SELECT " + COLUMNS + """
             FROM exported_package WHERE stream = ? AND removed_at IS NULL ORDER BY sequence
            """;
    private static final String LAST_FULL = """
            SELECT MAX(sequence) FROM exported_package WHERE stream = ? AND kind = 'FULL'
            """;
    private static final String UPLOADED = """
            UPDATE exported_package SET uploaded_at = ?, last_attempt_at = ?, attempts = attempts + 1, last_error = NULL
            WHERE stream = ? AND sequence = ?
            """;
    private static final String FAILED = """
            UPDATE exported_package SET last_attempt_at = ?, attempts = attempts + 1, last_error = ?
            WHERE stream = ? AND sequence = ?
            """;
    private static final String REMOVED = """
            UPDATE exported_package SET removed_at = ? WHERE stream = ? AND sequence = ? AND removed_at IS NULL
            """;
    private static final String SET_ACKNOWLEDGES = """
            UPDATE exported_package SET acknowledges = ? WHERE stream = ? AND sequence = ?
            """;
    private static final String ACKNOWLEDGES = """
            SELECT acknowledges FROM exported_package WHERE stream = ? AND sequence = ?
            """;
    private static final String DISCARD = "DELETE FROM exported_package WHERE stream = ? AND sequence = ?";
    private static final String FILE_NAMES = "SELECT file_name FROM exported_package WHERE removed_at IS NULL";
    private static final int MAX_ERROR = 1000;

    /** Packages written and not yet uploaded, in the order they must go (by stream, then sequence). */
    public List<QueuedPackage> waiting(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(WAITING)) {
            return read(s);
        }
    }

    /** Packages of {@code stream} uploaded and not yet taken out of the mailbox, by sequence. */
    List<QueuedPackage> inMailbox(Connection c, PackageStream stream) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(IN_MAILBOX)) {
            s.setString(1, stream.id());
            return read(s);
        }
    }

    /** Packages of {@code stream} still waiting or still in the mailbox, by sequence. */
    List<QueuedPackage> notRemoved(Connection c, PackageStream stream) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(NOT_REMOVED)) {
            s.setString(1, stream.id());
            return read(s);
        }
    }

    /** The latest full package of {@code stream}, 0 when none. */
    long lastFull(Connection c, PackageStream stream) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(LAST_FULL)) {
            s.setString(1, stream.id());
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    void uploaded(Connection c, PackageName name, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(UPLOADED)) {
            UtcTimestamps.set(s, 1, at);
            UtcTimestamps.set(s, 2, at);
            s.setString(3, name.stream().id());
            s.setLong(4, name.sequence());
            s.executeUpdate();
        }
    }

    void failed(Connection c, PackageName name, Instant at, String error) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(FAILED)) {
            UtcTimestamps.set(s, 1, at);
            s.setString(2, error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR - 3) + "...");
            s.setString(3, name.stream().id());
            s.setLong(4, name.sequence());
            s.executeUpdate();
        }
    }

    /** Records that {@code name} left the mailbox (or never needs to reach it); true when it was news. */
    boolean removed(Connection c, PackageName name, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(REMOVED)) {
            UtcTimestamps.set(s, 1, at);
            s.setString(2, name.stream().id());
            s.setLong(3, name.sequence());
            return s.executeUpdate() > 0;
        }
    }

    void setAcknowledges(Connection c, PackageName name, String acknowledges) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SET_ACKNOWLEDGES)) {
            s.setString(1, acknowledges);
            s.setString(2, name.stream().id());
            s.setLong(3, name.sequence());
            s.executeUpdate();
        }
    }

    /** What package {@code sequence} of {@code stream} acknowledged, "" when it is unknown or said nothing. */
    String acknowledges(Connection c, PackageStream stream, long sequence) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(ACKNOWLEDGES)) {
            s.setString(1, stream.id());
            s.setLong(2, sequence);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? rows.getString(1) : "";
            }
        }
    }

    /** Forgets a package just written in this transaction, because it says nothing new. */
    void discard(Connection c, PackageName name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(DISCARD)) {
            s.setString(1, name.stream().id());
            s.setLong(2, name.sequence());
            s.executeUpdate();
        }
    }

    /** The file names of every package still waiting or in the mailbox: what the outbox must keep. */
    List<String> fileNamesToKeep(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(FILE_NAMES); ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static List<QueuedPackage> read(PreparedStatement s) throws SQLException {
        List<QueuedPackage> packages = new ArrayList<>();
        try (ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                PackageStream stream = PackageStream.parse(rows.getString("stream")).orElseThrow();
                packages.add(new QueuedPackage(new PackageName(stream, rows.getLong("sequence")),
                        PackageKind.valueOf(rows.getString("kind")), rows.getLong("row_count"), rows.getLong("bytes"),
                        UtcTimestamps.get(rows, "written_at"), rows.getInt("attempts"),
                        Optional.ofNullable(UtcTimestamps.get(rows, "last_attempt_at")),
                        Optional.ofNullable(rows.getString("last_error")),
                        Optional.ofNullable(UtcTimestamps.get(rows, "uploaded_at"))));
            }
        }
        return packages;
    }
}
