package io.sincro.office.imports;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

import io.sincro.db.Change;

/** A {@link RowLoader} that stores each line's row as it is read (agents, orders, order statuses). */
non-sealed interface LineLoader<T> extends RowLoader<T> {

    Change save(Connection c, T row, Instant now) throws SQLException;
}
