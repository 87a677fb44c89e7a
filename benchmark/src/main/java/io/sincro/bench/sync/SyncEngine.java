package io.sincro.bench.sync;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import io.sincro.db.Database;
import io.sincro.exchange.ftp.FtpSettings;

/**
 * All the benchmark needs of the sync engine: one station's whole exchange with the mailbox, as
 * {@code sincro sync} runs it. The one implementation, {@value #ADAPTER}, is compiled only when the
 * engine's module ({@code sync}) is in the build (see benchmark/pom.xml); without it the sync steps
 * report that they cannot run, and everything else still does.
 */
public interface SyncEngine {

    /** The adapter to the engine's API, in a source folder built only with the engine. */
    String ADAPTER = "io.sincro.bench.engine.StationSyncEngine";

    /**
     * Why the sync steps do not run in a build without the engine (module {@code sync},
     * {@code io.sincro.sync.StationSync}).
     */
    String MISSING = "sync engine missing";

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

    /** The engine of this build, if it has one. */
    static Optional<SyncEngine> installed() {
        Class<?> adapter;
        try {
            adapter = Class.forName(ADAPTER);
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
        try {
            return Optional.of((SyncEngine) adapter.getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException | ClassCastException e) {
            Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
            throw new IllegalStateException("the sync engine adapter " + ADAPTER + " is in the build but cannot be made: "
                    + cause, cause);
        }
    }
}
