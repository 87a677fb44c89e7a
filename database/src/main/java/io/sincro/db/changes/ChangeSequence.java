package io.sincro.db.changes;

import java.sql.Connection;
import java.sql.PreparedStatement;
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

    private static final String LOCK = "UPDATE code_series SET next_value = next_value WHERE name = '" + SERIES + "'";

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
     * The highest change number handed out so far, 0 when none. It waits for a transaction holding
     * the counter to end, so every change up to the mark is committed when it returns.
     */
    public long mark(Connection c) throws SQLException {
        return series.peek(c, SERIES).orElse(1) - 1;
    }

    /**
     * Takes the counter's lock without using a number, so an import that writes many tables takes
     * its locks in the same order as local edits (counter first) and the two never deadlock.
     */
    public void lock(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(LOCK)) {
            s.executeUpdate();
        }
    }
}
