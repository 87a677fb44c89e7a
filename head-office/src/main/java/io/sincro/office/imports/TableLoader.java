package io.sincro.office.imports;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Iterator;

import io.sincro.db.Change;
import io.sincro.db.changes.SharedStamp;

/**
 * A {@link RowLoader} for a table the import compares with the file in one read and fills in bulk
 * (products, price lists, customers, special prices, stock): each line is classified as it is read
 * (new, the same as stored, or changed), the new rows go straight on into one insert statement (into
 * an empty table, Derby's bulk insert: see {@code BulkLoad}) as the file is read, and only the changed
 * rows are stored one by one afterwards, through {@link #update}. So a file is read once, and a reload
 * costs a read of the file and of the table, plus what changed. The rows a file inserts share one
 * change number, which its updates take too where their repository lets them ({@link SharedStamp}).
 */
non-sealed interface TableLoader<T> extends RowLoader<T>, AutoCloseable {

    /** What storing a line would do. */
    enum Verdict {
        /** A row the table lacks, which {@link #insert} adds as it is. */
        NEW,
        /** The row as the table holds it: nothing to store. */
        SAME,
        /** Anything else: stored by {@link #update}. */
        CHANGED
    }

    /** Called once before the first line is read, in the import's transaction. */
    void open(Connection c) throws SQLException;

    /**
     * Compares a line's row with what the table holds; lines come in file order. A line the table
     * makes wrong (a code only some other station may create) is refused through
     * {@link CsvLine#problem}. May run while {@link #insert} is running, in the same transaction.
     */
    Verdict classify(Connection c, T row, CsvLine line) throws SQLException;

    /**
     * Inserts the rows classified {@link Verdict#NEW}, each stamped with change number
     * {@code stamp}, as {@link #update} would have stored them, in one reading of {@code rows} (which
     * reads and classifies the rest of the file as the insert asks for rows); returns how many were
     * inserted (in the table the file is named for).
     */
    long insert(Connection c, Iterator<T> rows, Instant now, long stamp) throws SQLException;

    /**
     * Stores a row classified {@link Verdict#CHANGED}, once the new rows are in and the reads
     * {@link #classify} started are ended: what a load of the line on its own would store, with the
     * file's change number ({@code stamp}) where it takes one.
     */
    Change update(Connection c, T row, Instant now, SharedStamp stamp) throws SQLException;

    /** Ends the reads {@link #classify} started. */
    @Override
    void close() throws SQLException;
}
