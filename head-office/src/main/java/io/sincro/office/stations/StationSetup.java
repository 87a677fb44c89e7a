package io.sincro.office.stations;

import java.sql.Connection;
import java.sql.SQLException;

import io.sincro.db.Database;

/**
 * What another part of Sincro writes into an agent station while it is prepared, from what the
 * company database knows: the sync carries on the agent's package numbering there, so a station
 * prepared again (a lost laptop) never sends a number the head office already imported.
 */
@FunctionalInterface
public interface StationSetup {

    /**
     * Writes into the new station, inside its preparing transaction.
     *
     * @param company   the head office's database, to read from
     * @param station   the new station's open transaction
     * @param agentCode whose station it is
     */
    void setUp(Database company, Connection station, String agentCode) throws SQLException;
}
