package io.sincro.sync.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.sincro.db.UtcTimestamps;
import io.sincro.format.PackageName;
import io.sincro.format.PackageStream;

/** The imported_package table: the identity of every package this station imported. */
public final class ImportedPackages {

    private static final String COLUMNS = """
            stream, sequence, kind, file_name, sha256, sender_clock, clock_difference_ms, imported_at, row_count, epoch""";
    private static final String INSERT = "INSERT INTO imported_package (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String KNOWS_EPOCH = "SELECT 1 FROM imported_package WHERE stream = ? AND epoch = ?";
    private static final String LAST_PER_STREAM = "SELECT stream, MAX(sequence) FROM imported_package GROUP BY stream";
    private static final String LAST_WITH_ROWS_PER_STREAM = """
            SELECT stream, MAX(sequence) FROM imported_package WHERE row_count > 0 GROUP BY stream
            """;
    private static final String WITH_ROWS = """
            SELECT COUNT(*) FROM imported_package WHERE stream = ? AND sequence > ? AND sequence <= ? AND row_count > 0
            """;
    private static final String LAST = "SELECT MAX(sequence) FROM imported_package WHERE stream = ?";
    private static final String FIND = "SELECT " + COLUMNS + " FROM imported_package WHERE stream = ? AND sequence = ?";

    /**
     * The record of a package imported, its statement prepared now and run ({@link Line#record}) later
     * in the same transaction, the one that imports its rows: after a bulk insert Derby compiles every
     * statement its transaction prepares anew until the commit, its cache bypassed, so an import
     * prepares this one before its rows.
     */
    public Line line(Connection c) throws SQLException {
        return new Line(c.prepareStatement(INSERT));
    }

    /** A package's record, its statement prepared in a transaction; closing it records nothing. */
    public static final class Line implements AutoCloseable {

        private final PreparedStatement s;

        private Line(PreparedStatement s) {
            this.s = s;
        }

        public void record(ImportedPackage p) throws SQLException {
            s.setString(1, p.name().stream().id());
            s.setLong(2, p.name().sequence());
            s.setString(3, p.kind());
            s.setString(4, p.viaFile());
            s.setString(5, p.sha256());
            UtcTimestamps.set(s, 6, p.senderClock());
            s.setLong(7, p.clockDifference().toMillis());
            UtcTimestamps.set(s, 8, p.importedAt());
            s.setLong(9, p.rows());
            s.setString(10, p.senderEpoch().orElse(null));
            s.executeUpdate();
        }

        @Override
        public void close() throws SQLException {
            s.close();
        }
    }

    /** The highest sequence of {@code stream} this station has imported, 0 when none. */
    public long last(Connection c, PackageStream stream) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(LAST)) {
            s.setString(1, stream.id());
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** The last package of {@code stream} this station imported (they are imported in order); empty when none. */
    public Optional<ImportedPackage> lastOf(Connection c, PackageStream stream) throws SQLException {
        long last = last(c, stream);
        return last == 0 ? Optional.empty() : find(c, new PackageName(stream, last));
    }

    /** Whether any package of {@code stream} numbered after {@code after} up to {@code upTo} carried rows. */
    public boolean carriedRows(Connection c, PackageStream stream, long after, long upTo) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(WITH_ROWS)) {
            s.setString(1, stream.id());
            s.setLong(2, after);
            s.setLong(3, upTo);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1) > 0;
            }
        }
    }

    /** Whether this station imported any package of {@code stream} from the sender's database of {@code epoch}. */
    public boolean knowsEpoch(Connection c, PackageStream stream, String epoch) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(KNOWS_EPOCH)) {
            s.setString(1, stream.id());
            s.setString(2, epoch);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** The highest sequence imported of every stream this station imported from. */
    public Map<PackageStream, Long> lastOfEach(Connection c) throws SQLException {
        return perStream(c, LAST_PER_STREAM);
    }

    /**
     * The highest sequence imported that carried rows, of every stream with one: {@link #carriedRows}
     * after {@code n} is true exactly when this is above {@code n}.
     */
    public Map<PackageStream, Long> lastWithRowsOfEach(Connection c) throws SQLException {
        return perStream(c, LAST_WITH_ROWS_PER_STREAM);
    }

    private static Map<PackageStream, Long> perStream(Connection c, String query) throws SQLException {
        Map<PackageStream, Long> last = new TreeMap<>(Comparator.comparing(PackageStream::id));
        try (PreparedStatement s = c.prepareStatement(query); ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                Optional<PackageStream> stream = PackageStream.parse(rows.getString(1));
                if (stream.isPresent()) {
                    last.put(stream.get(), rows.getLong(2));
                }
            }
        }
        return last;
    }

    public Optional<ImportedPackage> find(Connection c, PackageName name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(FIND)) {
            s.setString(1, name.stream().id());
            s.setLong(2, name.sequence());
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    private static ImportedPackage read(ResultSet rows) throws SQLException {
        PackageStream stream = PackageStream.parse(rows.getString("stream")).orElseThrow();
        return new ImportedPackage(new PackageName(stream, rows.getLong("sequence")), rows.getString("kind"),
                rows.getString("file_name"), rows.getString("sha256"), UtcTimestamps.get(rows, "sender_clock"),
                Duration.ofMillis(rows.getLong("clock_difference_ms")), UtcTimestamps.get(rows, "imported_at"),
                rows.getLong("row_count"), Optional.ofNullable(rows.getString("epoch")));
    }
}
