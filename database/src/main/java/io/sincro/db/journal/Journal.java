package io.sincro.db.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.sincro.db.UtcTimestamps;
import io.sincro.db.journal.JournalEntry.Event;
import io.sincro.db.journal.JournalEntry.Outcome;

/** The journal table: the station's transaction log, newest last. */
public final class Journal {

    private static final int MAX_DETAIL = 2000;

    private static final String INSERT = """
            INSERT INTO journal (logged_at, event, outcome, package_name, detail) VALUES (?, ?, ?, ?, ?)
            """;
    private static final String LATEST = """
            SELECT id, logged_at, event, outcome, package_name, detail FROM journal ORDER BY id DESC
            FETCH FIRST ? ROWS ONLY
            """;
    private static final String LATEST_OF = """
            SELECT id, logged_at, event, outcome, package_name, detail FROM journal WHERE event = ?
            ORDER BY id DESC FETCH FIRST ROW ONLY
            """;
    private static final String LATEST_ABOUT = """
            SELECT id, logged_at, event, outcome, package_name, detail FROM journal WHERE package_name = ? AND event = ?
            ORDER BY id DESC FETCH FIRST ROW ONLY
            """;
    private static final String LATEST_LIKE = """
            SELECT id, logged_at, event, outcome, package_name, detail FROM journal WHERE event = ? AND package_name LIKE ? ESCAPE '\\'
            ORDER BY id DESC FETCH FIRST ROW ONLY
            """;
    private static final String LAST_OF = """
            SELECT MAX(logged_at) FROM journal WHERE event = ? AND outcome = ?
            """;

    public void write(Connection c, Instant at, Event event, Outcome outcome, String packageName, String detail)
            throws SQLException {
        try (Line line = line(c)) {
            line.write(at, event, outcome, packageName, detail);
        }
    }

    /**
     * A line to write later in the caller's transaction, its statement prepared now. A transaction that
     * has loaded a table in bulk ({@link io.sincro.db.BulkLoad}) has Derby compile every statement it
     * prepares afterwards anew, passing its statement cache by; one prepared before is used as it is.
     */
    public Line line(Connection c) throws SQLException {
        return new Line(c.prepareStatement(INSERT));
    }

    /** A journal line's statement, prepared in a transaction; closing it writes nothing. */
    public static final class Line implements AutoCloseable {

        private final PreparedStatement s;

        private Line(PreparedStatement s) {
            this.s = s;
        }

        public void write(Instant at, Event event, Outcome outcome, String packageName, String detail)
                throws SQLException {
            UtcTimestamps.set(s, 1, at);
            s.setString(2, event.name());
            s.setString(3, outcome.name());
            s.setString(4, packageName);
            s.setString(5, detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL - 3) + "...");
            s.executeUpdate();
        }

        @Override
        public void close() throws SQLException {
            s.close();
        }
    }

    /** The newest {@code limit} entries, oldest first. */
    public List<JournalEntry> latest(Connection c, int limit) throws SQLException {
        List<JournalEntry> entries = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(LATEST)) {
            s.setInt(1, limit);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    entries.add(0, read(rows));
                }
            }
        }
        return entries;
    }

    /** The newest entry of {@code event}, whatever its outcome. */
    public Optional<JournalEntry> latest(Connection c, Event event) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(LATEST_OF)) {
            s.setString(1, event.name());
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    /** The newest entry of {@code event} about the package named {@code packageName}. */
    public Optional<JournalEntry> latest(Connection c, String packageName, Event event) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(LATEST_ABOUT)) {
            s.setString(1, packageName);
            s.setString(2, event.name());
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    /** The newest entry of {@code event} about a package whose name starts with {@code prefix}. */
    public Optional<JournalEntry> latestStartingWith(Connection c, String prefix, Event event) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(LATEST_LIKE)) {
            s.setString(1, event.name());
            s.setString(2, prefix.replace("_", "\\_") + "%");
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    /** When {@code event} last ended with {@code outcome}. */
    public Optional<Instant> last(Connection c, Event event, Outcome outcome) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(LAST_OF)) {
            s.setString(1, event.name());
            s.setString(2, outcome.name());
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return Optional.ofNullable(UtcTimestamps.get(rows, 1));
            }
        }
    }

    private static JournalEntry read(ResultSet rows) throws SQLException {
        return new JournalEntry(rows.getLong("id"), UtcTimestamps.get(rows, "logged_at"),
                Event.valueOf(rows.getString("event")), Outcome.valueOf(rows.getString("outcome")),
                rows.getString("package_name"), rows.getString("detail"));
    }
}
