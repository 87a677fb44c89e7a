package io.sincro.db.changes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.sincro.db.RowConsumer;
import io.sincro.db.UtcTimestamps;

/**
 * The tombstone table: one row per deleted key and scope, kept so the deletion reaches the other
 * side in the next delta (and in full snapshots, so a station that missed deltas still loses the
 * row). A key deleted again only moves its tombstone forward.
 */
public final class Tombstones {

    private static final String COLUMNS = "entity, key1, key2, scope, change_seq, deleted_at, deleted_by";
    private static final String UPDATE = """
            UPDATE tombstone SET change_seq = ?, deleted_at = ?, deleted_by = ?
            WHERE entity = ? AND key1 = ? AND key2 = ? AND scope = ?
            """;
    private static final String INSERT = "INSERT INTO tombstone (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String LATEST = "SELECT " + COLUMNS + """
             FROM tombstone WHERE entity = ? AND key1 = ? AND key2 = ?
            ORDER BY deleted_at DESC, change_seq DESC FETCH FIRST 1 ROWS ONLY
            """;
    private static final String SINCE = "SELECT " + COLUMNS + """
             FROM tombstone WHERE entity = ? AND scope = ? AND change_seq > ?
            ORDER BY key1, key2
            """;

    private static final String LATEST_OF_SCOPES_SINCE = """
            SELECT scope, MAX(change_seq) FROM tombstone WHERE entity = ? AND change_seq > ? GROUP BY scope
            """;

    private static final String PURGE = """
            DELETE FROM tombstone WHERE entity = ? AND scope = ? AND change_seq > 0 AND change_seq <= ?
            """;
    private static final String LOWEST_PURGEABLE = """
            SELECT scope, MIN(change_seq) FROM tombstone WHERE change_seq > 0 GROUP BY scope
            """;
    private static final String ANY_OF_KIND = "SELECT 1 FROM tombstone WHERE entity = ? FETCH FIRST ROW ONLY";

    private final ChangeSequence changes = new ChangeSequence();

    /**
     * Records that {@code kind}/{@code key}/{@code secondKey} was deleted for {@code scope}; a local
     * deletion takes a new change number, a received one keeps 0 so it is not sent back.
     */
    public void record(Connection c, Tombstone.Kind kind, String key, String secondKey, String scope,
                       Instant deletedAt, String deletedBy, ChangeSource source) throws SQLException {
        long stamp = changes.stampFor(c, source);
        String second = secondKey == null ? "" : secondKey;
        try (PreparedStatement s = c.prepareStatement(UPDATE)) {
            s.setLong(1, stamp);
            UtcTimestamps.set(s, 2, deletedAt);
            s.setString(3, deletedBy);
            s.setString(4, kind.name());
            s.setString(5, key);
            s.setString(6, second);
            s.setString(7, scope);
            if (s.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setString(1, kind.name());
            s.setString(2, key);
            s.setString(3, second);
            s.setString(4, scope);
            s.setLong(5, stamp);
            UtcTimestamps.set(s, 6, deletedAt);
            s.setString(7, deletedBy);
            s.executeUpdate();
        }
    }

    /**
     * Forgets this station's own deletions for {@code scope} (an agent's code, or {@link Tombstone#CATALOG})
     * numbered up to {@code changeSeq}, once every station that reads them has acknowledged a package
     * that carried them; a received deletion (number 0) stays, since it is the version an older edit
     * arriving later must lose to. Returns how many went.
     */
    public int purgeUpTo(Connection c, String scope, long changeSeq) throws SQLException {
        int purged = 0;
        try (PreparedStatement s = c.prepareStatement(PURGE)) {
            for (Tombstone.Kind kind : Tombstone.Kind.values()) {
                s.setString(1, kind.name());
                s.setString(2, scope);
                s.setLong(3, changeSeq);
                purged += s.executeUpdate();
            }
        }
        return purged;
    }

    /**
     * For each scope holding deletions of this station's own ({@link #purgeUpTo} may forget them),
     * the lowest change number among them: a scope not named, or whose lowest number is above what
     * its readers hold, has nothing to forget. One query for all scopes.
     */
    public Map<String, Long> lowestPurgeable(Connection c) throws SQLException {
        Map<String, Long> lowest = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(LOWEST_PURGEABLE); ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                lowest.put(rows.getString(1), rows.getLong(2));
            }
        }
        return lowest;
    }

    /** Whether anything of {@code kind} was ever deleted here. */
    public boolean any(Connection c, Tombstone.Kind kind) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(ANY_OF_KIND)) {
            s.setString(1, kind.name());
            try (ResultSet rows = s.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** The most recent deletion of a key in any scope, if it was ever deleted. */
    public Optional<Tombstone> latest(Connection c, Tombstone.Kind kind, String key, String secondKey)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(LATEST)) {
            s.setString(1, kind.name());
            s.setString(2, key);
            s.setString(3, secondKey == null ? "" : secondKey);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    /**
     * Every deletion of {@code kind} for {@code scope} with a change number above {@code afterSeq}
     * (-1 for all of them, received ones included), in key order.
     */
    public void since(Connection c, Tombstone.Kind kind, String scope, long afterSeq, RowConsumer<Tombstone> consumer)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SINCE)) {
            s.setString(1, kind.name());
            s.setString(2, scope);
            s.setLong(3, afterSeq);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    consumer.accept(read(rows));
                }
            }
        }
    }

    /**
     * {@link #since} for every scope at once: each scope's (each agent's) highest change number among
     * its deletions of {@code kind} above {@code afterSeq}.
     */
    public AgentChanges changesOfScopesSince(Connection c, Tombstone.Kind kind, long afterSeq) throws SQLException {
        return AgentChanges.of(c, LATEST_OF_SCOPES_SINCE, s -> {
            s.setString(1, kind.name());
            s.setLong(2, afterSeq);
        });
    }

    private static Tombstone read(ResultSet rows) throws SQLException {
        return new Tombstone(Tombstone.Kind.valueOf(rows.getString("entity")), rows.getString("key1"),
                rows.getString("key2"), rows.getString("scope"), rows.getLong("change_seq"),
                UtcTimestamps.get(rows, "deleted_at"), rows.getString("deleted_by"));
    }
}
