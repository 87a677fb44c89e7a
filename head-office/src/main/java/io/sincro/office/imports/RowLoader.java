package io.sincro.office.imports;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * How one kind of CSV file becomes rows: its columns, how a line is checked and read (references
 * to other tables included) and its key. How the rows are stored is a {@link LineLoader}'s (a row
 * at a time) or a {@link TableLoader}'s (the file compared with its table).
 */
sealed interface RowLoader<T> permits LineLoader, TableLoader {

    List<String> requiredColumns();

    List<String> optionalColumns();

    /** Reads and checks one line; throws {@link ImportException} through {@link CsvLine#problem}. */
    T read(Connection c, CsvLine line) throws SQLException;

    /** The natural key, which may appear once per file. */
    String key(T row);

    /** The column a duplicate key is reported on. */
    String keyColumn();

    /** How many agents' edits a changed back-end value replaced, each kept as a conflict. */
    default long conflicts() {
        return 0;
    }

    /**
     * Called once all lines are stored, with the keys the file held; returns how many rows it
     * removed. Only price lists remove anything: the file is the whole of each list it names.
     */
    default long finish(Connection c, Set<String> keys, Instant now) throws SQLException {
        return 0;
    }
}
