package io.sincro.db;

import java.sql.SQLException;

/**
 * Receives the rows of a query one at a time, so a caller can stream a table of any size (a
 * package of a million price rows) without holding it in memory.
 */
@FunctionalInterface
public interface RowConsumer<T> {
    void accept(T row) throws SQLException;
}
