package io.sincro.sync.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.sincro.db.UtcTimestamps;
import io.sincro.format.Acknowledgement;
import io.sincro.format.PackageKind;
import io.sincro.format.PackageName;
import io.sincro.format.PackageStream;

/**
 * The exported_package table, every package this station wrote, one row per stream and sequence,
 * and sent_acknowledgement, what each of them acknowledged (one row per stream of the other side).
 */
public final class ExportedPackages {

    private static final String COLUMNS = """
            stream, sequence, kind, based_on, change_mark, bytes, sha256, written_at, row_count, attempts,
            last_attempt_at, last_error, uploaded_at""";
    private static final String INSERT = """
            INSERT INTO exported_package (stream, sequence, kind, based_on, change_mark, bytes, sha256, written_at,
                                          row_count, file_name)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String INSERT_ACKNOWLEDGEMENT = """
            INSERT INTO sent_acknowledgement (stream, sequence, acknowledged_stream, acknowledged_sequence)
            VALUES (?, ?, ?, ?)
            """;
    private static final String CONTINUE = """
            INSERT INTO exported_package (stream, sequence, kind, based_on, change_mark, file_name, bytes, sha256,
              written_at, uploaded_at, removed_at)
            VALUES (?, ?, 'FULL', 0, 0, ?, 0, ?, ?, ?, ?)
            """;
    private static final String LAST = "SELECT MAX(sequence) FROM exported_package WHERE stream = ?";
    private static final String LAST_PER_STREAM = "SELECT stream, MAX(sequence) FROM exported_package GROUP BY stream";
    private static final String ENDS = """
            SELECT MAX(sequence), MAX(CASE WHEN kind = 'FULL' OR row_count > 0 THEN sequence END) FROM exported_package
            WHERE stream = ?
            """;
    private static final String LAST_FULL = "SELECT MAX(sequence) FROM exported_package WHERE stream = ? AND kind = 'FULL'";
    private static final String LAST_FULL_PER_STREAM = """
            SELECT stream, MAX(sequence) FROM exported_package WHERE kind = 'FULL' GROUP BY stream
            """;
    private static final String BASE_MARK_PER_STREAM = """
            SELECT e.stream, e.change_mark FROM exported_package e
            JOIN (SELECT stream, MAX(sequence) AS base FROM exported_package WHERE kind = 'FULL' OR row_count > 0
                  GROUP BY stream) b ON e.stream = b.stream AND e.sequence = b.base
            """;
    private static final String ACKNOWLEDGED_BY_LAST = """
            SELECT s.stream, s.acknowledged_stream, s.acknowledged_sequence FROM sent_acknowledgement s
            JOIN (SELECT stream, MAX(sequence) AS newest FROM exported_package GROUP BY stream) l
              ON s.stream = l.stream AND s.sequence = l.newest
            """;

    private static final String FIND = "SELECT " + COLUMNS + " FROM exported_package WHERE stream = ? AND sequence = ?";
    private static final String OF_STREAM = "SELECT " + COLUMNS + " FROM exported_package WHERE stream = ? ORDER BY sequence";
    private static final String WAITING = "SELECT " + COLUMNS + """
             FROM exported_package WHERE uploaded_at IS NULL AND removed_at IS NULL ORDER BY stream, sequence
            """;
    private static final String NOT_REMOVED = "SELECT " + COLUMNS + """
             FROM exported_package WHERE stream = ? AND removed_at IS NULL ORDER BY sequence
            """;
    private static final String ACKNOWLEDGED = """
            SELECT acknowledged_stream, acknowledged_sequence FROM sent_acknowledgement
            WHERE stream = ? AND sequence = ? ORDER BY acknowledged_stream
            """;
    private static final String UPLOADED = """
            UPDATE exported_package SET uploaded_at = ?, last_attempt_at = ?, attempts = attempts + 1, last_error = NULL,
              removed_at = COALESCE(removed_at, ?)
            WHERE stream = ? AND sequence = ?
            """;
    private static final String FAILED = """
            UPDATE exported_package SET last_attempt_at = ?, attempts = attempts + 1, last_error = ?
            WHERE stream = ? AND sequence = ?
            """;
    private static final String REMOVED = """
            UPDATE exported_package SET removed_at = ? WHERE stream = ? AND sequence = ? AND removed_at IS NULL
            """;
    private static final String NOT_REMOVED_ALL = "SELECT " + COLUMNS + """
             FROM exported_package WHERE removed_at IS NULL ORDER BY stream, sequence
            """;
    private static final String FILE_NAMES = "SELECT file_name FROM exported_package WHERE removed_at IS NULL";
    private static final int MAX_ERROR = 1000;

    /** Records a package just written, and what it acknowledges, in the writing transaction. */
    public void record(Connection c, ExportedPackage p, List<Acknowledgement> acknowledges) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setString(1, p.name().stream().id());
            s.setLong(2, p.name().sequence());
            s.setString(3, p.kind().name());
            s.setLong(4, p.basedOn());
            s.setLong(5, p.changeMark());
            s.setLong(6, p.bytes());
            s.setString(7, p.sha256());
            UtcTimestamps.set(s, 8, p.writtenAt());
            s.setLong(9, p.rows());
            s.setString(10, p.name().fileName());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement(INSERT_ACKNOWLEDGEMENT)) {
            for (Acknowledgement ack : acknowledges) {
                s.setString(1, p.name().stream().id());
                s.setLong(2, p.name().sequence());
                s.setString(3, ack.stream().id());
                s.setLong(4, ack.sequence());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /**
     * Makes {@code stream}'s numbering carry on after {@code sequence} in a station that starts
     * empty: a station prepared again (a lost laptop) must not send numbers the head office already
     * imported, which it would skip as seen. The row stands for the old station's packages; the
     * first delta is based on it and holds everything.
     */
    public void continueAfter(Connection c, PackageStream stream, long sequence, Instant at) throws SQLException {
        if (sequence < 1) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(CONTINUE)) {
            s.setString(1, stream.id());
            s.setLong(2, sequence);
            s.setString(3, new PackageName(stream, sequence).fileName());
            s.setString(4, "0".repeat(64));
            UtcTimestamps.set(s, 5, at);
            UtcTimestamps.set(s, 6, at);
            UtcTimestamps.set(s, 7, at);
            s.executeUpdate();
        }
    }

    /** The highest sequence written in {@code stream}, 0 when none. */
    public long last(Connection c, PackageStream stream) throws SQLException {
        return max(c, LAST, stream);
    }

    /** The highest sequence written of every stream this station wrote in. */
    public Map<PackageStream, Long> lastOfEach(Connection c) throws SQLException {
        Map<PackageStream, Long> last = new TreeMap<>(Comparator.comparing(PackageStream::id));
        try (PreparedStatement s = c.prepareStatement(LAST_PER_STREAM); ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                last.put(stream(rows.getString(1)), rows.getLong(2));
            }
        }
        return last;
    }

    /**
     * The latest package of {@code stream} and the latest that carried something, a full one or a
     * delta with rows (what the next delta is based on), in one question; 0 for none. A package of
     * acknowledgements only is never sent again once gone from the mailbox, so nothing may be based
     * on it.
     */
    public Ends ends(Connection c, PackageStream stream) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(ENDS)) {
            s.setString(1, stream.id());
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                // MAX of no row is NULL, which getLong reads as 0
                return new Ends(rows.getLong(1), rows.getLong(2));
            }
        }
    }

    /** A stream's latest package and its latest that carried something, 0 for none. */
    public record Ends(long last, long lastWithContent) {
    }

    /** The latest full package of {@code stream}, 0 when none. */
    public long lastFull(Connection c, PackageStream stream) throws SQLException {
        return max(c, LAST_FULL, stream);
    }

    /** The latest full package of every stream that has one. */
    public Map<PackageStream, Long> lastFullOfEach(Connection c) throws SQLException {
        return perStream(c, LAST_FULL_PER_STREAM);
    }

    /**
     * For every stream with a package that carried something ({@link Ends#lastWithContent}), the change
     * mark of the latest such package: what the stream's next delta starts after.
     */
    public Map<PackageStream, Long> baseMarkOfEach(Connection c) throws SQLException {
        return perStream(c, BASE_MARK_PER_STREAM);
    }

    /**
     * What the latest package of every stream acknowledged ({@link #acknowledgedBy} of each stream's
     * last package, all at once): stream, then the acknowledged stream and its sequence.
     */
    public Map<PackageStream, Map<PackageStream, Long>> acknowledgedByLastOfEach(Connection c) throws SQLException {
        Map<PackageStream, Map<PackageStream, Long>> acks = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(ACKNOWLEDGED_BY_LAST); ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                acks.computeIfAbsent(stream(rows.getString(1)), k -> new HashMap<>())
                        .put(stream(rows.getString(2)), rows.getLong(3));
            }
        }
        return acks;
    }

    public Optional<ExportedPackage> find(Connection c, PackageStream stream, long sequence) throws SQLException {
        if (sequence < 1) {
            // packages are numbered from 1: 0 stands for none (a stream's last before its first)
            return Optional.empty();
        }
        try (PreparedStatement s = c.prepareStatement(FIND)) {
            s.setString(1, stream.id());
            s.setLong(2, sequence);
            List<ExportedPackage> found = read(s);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }
    }

    /** Every package written in {@code stream}, in sequence order. */
    public List<ExportedPackage> of(Connection c, PackageStream stream) throws SQLException {
        return ofStream(c, OF_STREAM, stream);
    }

    /** Packages written and not yet uploaded, in the order they must go (by stream, then sequence). */
    public List<ExportedPackage> waiting(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(WAITING)) {
            return read(s);
        }
    }

    /** Packages of {@code stream} still waiting or still in the mailbox, by sequence. */
    public List<ExportedPackage> notRemoved(Connection c, PackageStream stream) throws SQLException {
        return ofStream(c, NOT_REMOVED, stream);
    }

    /** The packages of every stream still waiting or still in the mailbox, by stream, each in sequence order. */
    public Map<PackageStream, List<ExportedPackage>> notRemovedOfEach(Connection c) throws SQLException {
        Map<PackageStream, List<ExportedPackage>> live = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(NOT_REMOVED_ALL)) {
            for (ExportedPackage p : read(s)) {
                live.computeIfAbsent(p.name().stream(), k -> new ArrayList<>()).add(p);
            }
        }
        return live;
    }

    /** What package {@code sequence} of {@code stream} acknowledged; empty when it said nothing or is unknown. */
    public List<Acknowledgement> acknowledgedBy(Connection c, PackageStream stream, long sequence) throws SQLException {
        List<Acknowledgement> acks = new ArrayList<>();
        if (sequence < 1) {
            // no package (see find): it acknowledged nothing
            return acks;
        }
        try (PreparedStatement s = c.prepareStatement(ACKNOWLEDGED)) {
            s.setString(1, stream.id());
            s.setLong(2, sequence);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    acks.add(new Acknowledgement(stream(rows.getString(1)), rows.getLong(2)));
                }
            }
        }
        return acks;
    }

    /**
     * Records the package as uploaded at {@code at}; one that is {@code doneWith} on upload (it will
     * never be sent again) is recorded as removed at the same time, in the same statement.
     */
    public void uploaded(Connection c, PackageName name, Instant at, boolean doneWith) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(UPLOADED)) {
            UtcTimestamps.set(s, 1, at);
            UtcTimestamps.set(s, 2, at);
            UtcTimestamps.set(s, 3, doneWith ? at : null);
            s.setString(4, name.stream().id());
            s.setLong(5, name.sequence());
            s.executeUpdate();
        }
    }

    public void failed(Connection c, PackageName name, Instant at, String error) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(FAILED)) {
            UtcTimestamps.set(s, 1, at);
            s.setString(2, error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR - 3) + "...");
            s.setString(3, name.stream().id());
            s.setLong(4, name.sequence());
            s.executeUpdate();
        }
    }

    /** Records that {@code name} left the mailbox (or never needs to reach it); true when it was news. */
    public boolean removed(Connection c, PackageName name, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(REMOVED)) {
            UtcTimestamps.set(s, 1, at);
            s.setString(2, name.stream().id());
            s.setLong(3, name.sequence());
            return s.executeUpdate() > 0;
        }
    }

    /** The file names of every package still waiting or in the mailbox: what the outbox must keep. */
    public List<String> fileNamesToKeep(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(FILE_NAMES); ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static Map<PackageStream, Long> perStream(Connection c, String query) throws SQLException {
        Map<PackageStream, Long> values = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(query); ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                values.put(stream(rows.getString(1)), rows.getLong(2));
            }
        }
        return values;
    }

    private static long max(Connection c, String query, PackageStream stream) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(query)) {
            s.setString(1, stream.id());
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static List<ExportedPackage> ofStream(Connection c, String query, PackageStream stream) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(query)) {
            s.setString(1, stream.id());
            return read(s);
        }
    }

    private static List<ExportedPackage> read(PreparedStatement s) throws SQLException {
        List<ExportedPackage> packages = new ArrayList<>();
        try (ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                packages.add(new ExportedPackage(new PackageName(stream(rows.getString("stream")),
                        rows.getLong("sequence")), PackageKind.valueOf(rows.getString("kind")),
                        rows.getLong("based_on"), rows.getLong("change_mark"), rows.getLong("bytes"),
                        rows.getString("sha256"), UtcTimestamps.get(rows, "written_at"), rows.getLong("row_count"),
                        rows.getInt("attempts"), Optional.ofNullable(UtcTimestamps.get(rows, "last_attempt_at")),
                        Optional.ofNullable(rows.getString("last_error")),
                        Optional.ofNullable(UtcTimestamps.get(rows, "uploaded_at"))));
            }
        }
        return packages;
    }

    private static PackageStream stream(String id) {
        return PackageStream.parse(id).orElseThrow(() -> new IllegalStateException(
                "the ledger names a stream '" + id + "' that no package can belong to"));
    }
}
