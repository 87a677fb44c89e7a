package io.sincro.office.stations;

import java.io.IOException;
import java.nio.file.Path;
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

    /**
     * Writes files into the new station's folder while it is prepared (still under its hidden name),
     * such as the sync's keys; by default none.
     *
     * @param company   the head office's database
     * @param station   the new station's folder
     * @param agentCode whose station it is
     */
    default void writeFiles(Database company, Path station, String agentCode) throws IOException {
        // nothing by default
    }

    /** What {@link #writeFiles} does, for {@link #of}. */
    @FunctionalInterface
    interface Files {
        void write(Database company, Path station, String agentCode) throws IOException;
    }

    /** A setup that writes into the station's database with {@code setUp} and into its folder with {@code files}. */
    static StationSetup of(StationSetup setUp, Files files) {
        return new StationSetup() {
            @Override
            public void setUp(Database company, Connection station, String agentCode) throws SQLException {
                setUp.setUp(company, station, agentCode);
            }

            @Override
            public void writeFiles(Database company, Path station, String agentCode) throws IOException {
                files.write(company, station, agentCode);
            }
        };
    }
}
