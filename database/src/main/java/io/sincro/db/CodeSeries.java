package io.sincro.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalLong;

/**
 * A station's numbering: named counters (customer codes, order numbers) kept in the database, so
 * a number handed out is never handed out again, also after a crash. Taking a number locks the
 * counter's row until the transaction ends.
 */
public final class CodeSeries {

    /** The counter of customer codes an agent station creates. */
    public static final String CUSTOMERS = "customer";
    /** The counter of order numbers a station creates in its own order series. */
    public static final String ORDERS = "order";

    private static final String SELECT = "SELECT next_value FROM code_series WHERE name = ?";
    private static final String ADVANCE_BY = "UPDATE code_series SET next_value = next_value + ? WHERE name = ?";
    private static final String INSERT = "INSERT INTO code_series (name, next_value) VALUES (?, ?)";
    private static final String SET = "UPDATE code_series SET next_value = ? WHERE name = ?";

    /** Takes the next number of the series, starting at 1 for a series never used. */
    public long next(Connection c, String series) throws SQLException {
        return next(c, series, 1);
    }

    /**
     * Takes the next {@code count} numbers of the series at once; returns the first, the others follow
     * it. The same as {@code count} calls of {@link #next}, in one update.
     */
    public long next(Connection c, String series, int count) throws SQLException {
        if (count < 1) {
            throw new IllegalArgumentException("take 1 number or more, not " + count);
        }
        try (PreparedStatement advance = c.prepareStatement(ADVANCE_BY)) {
            advance.setInt(1, count);
            advance.setString(2, series);
            if (advance.executeUpdate() == 0) {
                start(c, series, 1L + count);
                return 1;
            }
        }
        return peek(c, series).orElseThrow() - count;
    }

    /** The number the series hands out next, if it was ever started. */
    public OptionalLong peek(Connection c, String series) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT)) {
            s.setString(1, series);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? OptionalLong.of(rows.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    /** Sets where a series starts, for a new station that must carry on after earlier numbers. */
    public void start(Connection c, String series, long nextValue) throws SQLException {
        if (nextValue < 1) {
            throw new IllegalArgumentException("a series starts at 1 or later, not " + nextValue);
        }
        try (PreparedStatement update = c.prepareStatement(SET)) {
            update.setLong(1, nextValue);
            update.setString(2, series);
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement insert = c.prepareStatement(INSERT)) {
            insert.setString(1, series);
            insert.setLong(2, nextValue);
            insert.executeUpdate();
        }
    }
}
