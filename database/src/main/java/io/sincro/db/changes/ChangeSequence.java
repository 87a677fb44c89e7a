package io.sincro.db.changes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import io.sincro.db.CodeSeries;

/**
 * The station-wide change counter. Every insert or update of a replicated row made at this station
 * takes the next number and stores it in the row's {@code change_seq} column (deletions store it in
 * their tombstone), so "what changed since package N" is {@code change_seq > mark(N)}.
 *
 * <p>Taking a number locks the counter's row until the transaction ends, so numbers become visible
 * in the order they were handed out: a reader that sees number 12 has seen everything up to 12.
 * That is what makes a delta never miss a change that committed late.
 */
public final class ChangeSequence {

    /** The name of the counter in table code_series (created by migration 2). */
    static final String SERIES = "change";

    /**
     * An update lock on the counter's row, held to the end of the transaction (read stability): it
     * excludes every other taker of the lock or of a number as the number's own update does, and
     * writes nothing, so a transaction that only locked has no log to force to disk at its commit.
     */
    private static final String LOCK = "SELECT next_value FROM code_series WHERE name = '" + SERIES
            + "' FOR UPDATE WITH RS";

    private final CodeSeries series = new CodeSeries();

    /** Hands out the next change number; the counter stays locked until the transaction ends. */
    public long next(Connection c) throws SQLException {
        return series.next(c, SERIES);
    }

    /**
     * Hands out the next {@code count} change numbers at once, for as many rows written in one go;
     * returns the first, the others follow it. The counter stays locked until the transaction ends.
     */
    public long next(Connection c, int count) throws SQLException {
        return series.next(c, SERIES, count);
    }

    /** The stamp for a write from {@code source}: a new number for a local change, none otherwise. */
    public long stampFor(Connection c, ChangeSource source) throws SQLException {
        return source == ChangeSource.LOCAL ? next(c) : 0;
    }

    /**
     * The highest change number handed out so far, 0 when none. It waits for a transaction that took
     * a number to end, so every change up to the mark is committed when it returns (one that only
     * took the {@link #lock} has stamped nothing, and is not waited for).
     */
    public long mark(Connection c) throws SQLException {
        return series.peek(c, SERIES).orElse(1) - 1;
    }

    /**
     * Takes the counter's lock without using a number, so an import that writes many tables takes
     * its locks in the same order as local edits (counter first) and the two never deadlock. It
     * writes nothing: a transaction that decides it has nothing to write after taking it (a sync
     * with nothing to send) costs no disk flush. Returns the {@link #mark}, which stays the mark
     * while the lock is held: no number is handed out meanwhile.
     */
    public long lock(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(LOCK); ResultSet row = s.executeQuery()) {
            // the lock is taken on the row the cursor reaches (migration 2 made it)
            row.next();
            return row.getLong(1) - 1;
        }
    }
}
