package io.sincro.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The rows of a query, read one at a time when the caller asks for the next: for a caller that walks
 * a table in key order beside another sorted sequence (a file being compared with what the table
 * holds), without holding either in memory.
 */
public final class RowCursor<T> implements AutoCloseable {

    /** Makes a row of the result set's current line. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private final PreparedStatement statement;
    private final ResultSet rows;
    private final Reader<T> reader;

    private RowCursor(PreparedStatement statement, ResultSet rows, Reader<T> reader) {
        this.statement = statement;
        this.rows = rows;
        this.reader = reader;
    }

    /** Runs {@code query} with its parameters set by {@code parameters}. */
    public static <T> RowCursor<T> open(Connection c, String query, BulkLoad.Parameters parameters, Reader<T> reader)
            throws SQLException {
        PreparedStatement statement = c.prepareStatement(query);
        try {
            parameters.set(statement);
            return new RowCursor<>(statement, statement.executeQuery(), reader);
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    /** The next row, or null after the last. */
    public T next() throws SQLException {
        return rows.next() ? reader.read(rows) : null;
    }

    @Override
    public void close() throws SQLException {
        try {
            rows.close();
        } finally {
            statement.close();
        }
    }
}
