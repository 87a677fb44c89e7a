package io.sincro.bench.sync;

import java.nio.file.Path;
import java.time.Clock;

import io.sincro.db.Database;
import io.sincro.exchange.ftp.FtpSettings;

/**
 * All the benchmark needs of the sync engine: one station's whole exchange with the mailbox, as
 * {@code sincro sync} runs it ({@link StationSyncEngine}). The steps and their fixtures see only this.
 */
public interface SyncEngine {

    /**
     * Runs the station's exchange: send, receive, acknowledge, clean up.
     *
     * @param database      the station's open database
     * @param mailbox       how to reach the mailbox
     * @param stationFolder the station's folder (its database is in {@code database/} there)
     * @return the engine's summary of what it did, for the log
     * @throws RuntimeException when the sync did not complete
     */
    String sync(Database database, FtpSettings mailbox, Path stationFolder, Clock clock);
}
