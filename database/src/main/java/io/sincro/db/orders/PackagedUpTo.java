package io.sincro.db.orders;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The highest change stamp the station's packages to the head office cover (0 when none), read
 * in the caller's transaction: sync's ledger answers it (SyncStatus.packagedUpTo()), which this
 * module cannot read itself.
 */
@FunctionalInterface
public interface PackagedUpTo {

    /** The figure as {@code c}'s transaction sees it. */
    long in(Connection c) throws SQLException;
}
