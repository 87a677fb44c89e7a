package io.sincro.db;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Iterator;

import org.apache.derby.vti.VTITemplate;

/**
 * Rows from Java into an empty table in one statement, as fast as Derby's own import: an
 * {@code INSERT INTO t (...) SELECT ... FROM TABLE (sincro_..._rows()) r} whose rows come from an
 * {@link Iterator}. Derby runs an insert fed by a table function as a bulk insert when the table is
 * empty (DERBY-4789, the same path its import procedures take): it fills a new copy of the table and
 * builds each index once by sorting, instead of logging and indexing row by row. Into a table that
 * is not empty it is an ordinary insert, so callers load this way only what is certainly new.
 *
 * <p>The table functions (one per row shape, created by migrations 7, 19 and 21) all name {@link #rows()}.
 * Derby calls a table function by its static method name, so the rows cannot come in through a
 * constructor: {@link #insert} hands them to the thread that runs the statement, for that statement
 * only (an embedded Derby runs a statement in the caller's thread), and takes them back after.
 */
public final class BulkLoad {

    /** The rows of the insert this thread is running; nothing between two inserts. */
    private static final ThreadLocal<Feed<?>> RUNNING = new ThreadLocal<>();

    private BulkLoad() {
    }

    /** The value of each column of a row, as the table function declares the columns (1-based). */
    @FunctionalInterface
    public interface Columns<T> {
        /** A String, BigDecimal, Integer, Long, Boolean, Instant (stored as UTC wall time), LocalDate or null. */
        Object value(T row, int column);
    }

    /** Sets the statement's own parameters, if it has any. */
    @FunctionalInterface
    public interface Parameters {
        void set(PreparedStatement statement) throws SQLException;
    }

    /**
     * Runs {@code insert}, whose rows come from one of the sincro table functions, with {@code rows}.
     *
     * @return the number of rows inserted
     */
    public static <T> long insert(Connection c, String insert, Parameters parameters, Iterator<T> rows,
                                  Columns<T> columns) throws SQLException {
        if (RUNNING.get() != null) {
            throw new IllegalStateException("a bulk insert is already running in this thread");
        }
        Feed<T> feed = new Feed<>(rows, columns);
        RUNNING.set(feed);
        try (PreparedStatement s = c.prepareStatement(insert)) {
            parameters.set(s);
            return s.executeLargeUpdate();
        } catch (SQLException e) {
            // Derby wraps what the rows threw (a refusal, a read error): the caller gets it as it was
            if (feed.failure != null) {
                feed.failure.addSuppressed(e);
                throw feed.failure;
            }
            throw e;
        } finally {
            RUNNING.remove();
        }
    }

    /** Whether {@code anyRow}, a query for one row of a table, finds none: whether a load may start. */
    public static boolean isEmpty(Connection c, String anyRow) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(anyRow); ResultSet rows = s.executeQuery()) {
            return !rows.next();
        }
    }

    /**
     * Derby's entry point for every sincro table function (see migrations 7, 19 and 21); not for Java callers.
     *
     * @throws SQLException when no {@link #insert} is running in this thread (the function was
     *                      called from SQL directly)
     */
    public static ResultSet rows() throws SQLException {
        Feed<?> feed = RUNNING.get();
        if (feed == null) {
            throw new SQLException("the sincro table functions give rows only to BulkLoad.insert", "38000");
        }
        return feed;
    }

    /** The iterator as the read-only, forward-only result set Derby pulls the rows from. */
    private static final class Feed<T> extends VTITemplate {

        private final Iterator<T> rows;
        private final Columns<T> columns;
        private T current;
        private boolean wasNull;
        private RuntimeException failure;

        Feed(Iterator<T> rows, Columns<T> columns) {
            this.rows = rows;
            this.columns = columns;
        }

        @Override
        public boolean next() {
            try {
                current = rows.hasNext() ? rows.next() : null;
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
            return current != null;
        }

        private Object value(int column) throws SQLException {
            if (current == null) {
                throw new SQLException("no current row");
            }
            Object value = columns.value(current, column);
            wasNull = value == null;
            return value;
        }

        @Override
        public String getString(int column) throws SQLException {
            return (String) value(column);
        }

        @Override
        public BigDecimal getBigDecimal(int column) throws SQLException {
            return (BigDecimal) value(column);
        }

        @Override
        public int getInt(int column) throws SQLException {
            Object value = value(column);
            return value == null ? 0 : (Integer) value;
        }

        @Override
        public long getLong(int column) throws SQLException {
            Object value = value(column);
            return value == null ? 0 : (Long) value;
        }

        @Override
        public Date getDate(int column) throws SQLException {
            LocalDate value = (LocalDate) value(column);
            return value == null ? null : Date.valueOf(value);
        }

        @Override
        public boolean getBoolean(int column) throws SQLException {
            Object value = value(column);
            return value != null && (Boolean) value;
        }

        @Override
        public Timestamp getTimestamp(int column) throws SQLException {
            Instant value = (Instant) value(column);
            // UTC wall time, as UtcTimestamps stores every instant
            return value == null ? null : Timestamp.valueOf(LocalDateTime.ofInstant(value, ZoneOffset.UTC));
        }

        @Override
        public boolean wasNull() {
            return wasNull;
        }

        @Override
        public void close() {
            current = null;
        }
    }
}
