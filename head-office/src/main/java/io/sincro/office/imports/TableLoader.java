package io.sincro.office.imports;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Iterator;

/**
 * A {@link RowLoader} for a large table (products, price lists, special prices, stock) that the
 * import compares with the file in one read and fills in bulk: each line is first only classified
 * (new, the same as stored, or changed), then every new row goes in with one insert statement (into
 * an empty table, Derby's bulk insert: see {@code BulkLoad}), and only the changed rows are stored
 * one by one, through {@link #save}, as before. So a reload costs a read of the file and of the
 * table, plus what changed.
 */
interface TableLoader<T> extends RowLoader<T>, AutoCloseable {

    /** What storing a line would do. */
    enum Verdict {
        /** A row the table lacks, which {@link #insert} may add as it is. */
        NEW,
        /** The row as the table holds it: nothing to store. */
        SAME,
        /** Anything else: stored by {@link #save}. */
        CHANGED
    }

    /** The file's new rows, read again from the file as many times as the loader asks. */
    @FunctionalInterface
    interface NewRows<T> {
        long load(Pass<T> pass) throws SQLException;
    }

    /** What the loader does with one reading of the new rows. */
    @FunctionalInterface
    interface Pass<T> {
        long apply(Iterator<T> rows) throws SQLException;
    }

    /** Called once before the first line is read, in the import's transaction. */
    void open(Connection c) throws SQLException;

    /** Compares a line's row with what the table holds; lines come in file order. */
    Verdict classify(Connection c, T row) throws SQLException;

    /**
     * Inserts the rows classified {@link Verdict#NEW}, each stamped with change number
     * {@code stamp}, as {@link #save} would have stored them; returns how many (in the table the
     * file is named for).
     */
    long insert(Connection c, NewRows<T> rows, Instant now, long stamp) throws SQLException;

    /** Ends the reads {@link #classify} started. */
    @Override
    void close() throws SQLException;
}
