package io.sincro.db.changes;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One change number for all the writes of a transaction that change many rows as one change (a
 * back-end file loaded at the head office), as a bulk insert stamps all its rows alike: taken from
 * the {@link ChangeSequence} at the first write that asks for it, so a transaction that ends up
 * writing nothing takes none. One instance per transaction.
 */
public final class SharedStamp {

    private final ChangeSequence changes = new ChangeSequence();
    private long number;

    /** The transaction's change number, taken now if no write took it yet (the counter stays locked until it ends). */
    public long take(Connection c) throws SQLException {
        if (number == 0) {
            number = changes.next(c);
        }
        return number;
    }
}
