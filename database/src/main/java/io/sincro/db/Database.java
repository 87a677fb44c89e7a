package io.sincro.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A station's embedded Derby database: the company database at the head office, or one agent's
 * database on its laptop. Both have the same schema, which is migrated when the database opens.
 *
 * <p>Work is done in {@link #inTransaction}: one connection, one transaction, committed when the
 * work returns and rolled back when it throws.
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);
    /** Derby's consistency check, one row per table of the application (system tables are Derby's own). */
    private static final String CHECK_EVERY_TABLE = "SELECT t.tablename,"
            + " SYSCS_UTIL.SYSCS_CHECK_TABLE(s.schemaname, t.tablename)"
            + " FROM sys.systables t JOIN sys.sysschemas s ON s.schemaid = t.schemaid WHERE t.tabletype IN ('T', 'S')";
    /** Derby's setting for the size of each of its (three) transaction log buffers. */
    static final String LOG_BUFFER_SIZE = "derby.storage.logBufferSize";
    /**
     * 256 KiB. Derby allocates its three buffers again at every switch to a new log file (each
     * mebibyte of log): below half a G1 region of the smallest heaps (1 MiB regions up to 2 GiB),
     * so they are ordinary young garbage, where 1 MiB buffers were "humongous" objects that made
     * a collection of their own at every switch.
     */
    static final int LOG_BUFFER_BYTES = 256 * 1024;

    static {
        // Derby writes derby.log into the working folder unless told otherwise; it only takes a
        // system property for that, read once when the engine boots.
        if (System.getProperty("derby.stream.error.field") == null) {
            System.setProperty("derby.stream.error.field", DerbyLog.class.getName() + ".SINK");
        }
        // Derby writes its transaction log synchronously (each write reaches the disk before it
        // returns), a buffer at a time: with its 32 KiB buffers an import of 100,000 order lines
        // waits for a thousand writes, with 256 KiB buffers some 140. A commit still writes what it
        // needs and waits for it, so nothing committed is less safe. A system property too, read
        // when a database boots.
        if (System.getProperty(LOG_BUFFER_SIZE) == null) {
            System.setProperty(LOG_BUFFER_SIZE, Integer.toString(LOG_BUFFER_BYTES));
        }
    }

    private final Path directory;
    private final String url;
    private final Clock clock;
    private final Station station;
    private final int schemaVersion;
    private final StationLock lock;
    /** The connection of the last committed transaction, for the next one; null when none is kept. */
    private Connection idle;
    private boolean closing;

    private Database(Path directory, Clock clock, Station station, int schemaVersion, StationLock lock) {
        this.directory = directory;
        this.url = "jdbc:derby:" + directory;
        this.clock = clock;
        this.station = station;
        this.schemaVersion = schemaVersion;
        this.lock = lock;
    }

    /**
     * Creates a new database for a station in {@code directory}, which must not hold one yet.
     */
    public static Database create(Path directory, Station station, Clock clock) {
        Objects.requireNonNull(station, "station");
        Path dir = directory.toAbsolutePath().normalize();
        if (exists(dir)) {
            throw new DatabaseException("a Sincro database already exists in " + dir
                    + "; nothing was changed (to start again, remove that folder first)");
        }
        try (Connection c = DriverManager.getConnection("jdbc:derby:" + dir + ";create=true")) {
            int version = new Migrations(clock).migrate(c, dir);
            StationRecord.insert(c, station, clock.instant());
            log.info("created {} database in {} (schema version {})", station, dir, version);
        } catch (SQLException e) {
            throw new DatabaseException("could not create the database in " + dir + ": " + e.getMessage(), e, dir);
        }
        return open(dir, clock);
    }

    /**
     * Opens an existing database, applying the migrations this program has and the database lacks.
     */
    public static Database open(Path directory, Clock clock) {
        return open(directory, clock, "another Sincro program");
    }

    /**
     * Opens an existing database for {@code command} ("sincro sync"), which holds the station until
     * it closes the database: a second command meanwhile is refused with a
     * {@link StationBusyException} that names the first and since when.
     */
    public static Database open(Path directory, Clock clock, String command) {
        Path dir = directory.toAbsolutePath().normalize();
        if (!exists(dir)) {
            throw new DatabaseException("no Sincro database in " + dir
                    + "; check database.path in sincro.properties, or create one (sincro hq init at the"
                    + " head office, sincro hq prepare-agent for an agent)");
        }
        StationLock lock = StationLock.acquire(dir, command, clock);
        try (Connection c = DriverManager.getConnection("jdbc:derby:" + dir)) {
            int version = new Migrations(clock).migrate(c, dir);
            Station station = StationRecord.read(c, dir);
            return new Database(dir, clock, station, version, lock);
        } catch (SQLException e) {
            lock.close();
            if (bootedElsewhere(e)) {
                throw new StationBusyException("another program has the database " + dir + " open (a Sincro"
                        + " older than this one, or a database tool); try again when it ends");
            }
            throw new DatabaseException("could not open the database in " + dir + ": " + describe(e), e, dir);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** Whether {@code directory} holds a Derby database. */
    public static boolean exists(Path directory) {
        return Files.isRegularFile(directory.resolve("service.properties"));
    }

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws
     * (a failed rollback or close is added to the original error as suppressed).
     *
     * <p>The connection of a transaction that committed is kept for the next one: Derby resolves the
     * database's path on the disk for every new connection, and a head office's sync with a thousand
     * agents runs some ten thousand transactions. One that failed is closed, never kept.
     */
    public <T> T inTransaction(SqlWork<T> work) {
        try {
            Connection c = take();
            T result;
            try {
                c.setAutoCommit(false);
                result = work.apply(c);
                c.commit();
            } catch (SQLException | RuntimeException | Error e) {
                try {
                    c.rollback();
                } catch (SQLException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
                try {
                    giveBack(c, false);
                } catch (SQLException closeFailure) {
                    // the work's error is the one to tell
                    e.addSuppressed(closeFailure);
                }
                throw e;
            }
            giveBack(c, true);
            return result;
        } catch (SQLException e) {
            throw new DatabaseException("database error in " + directory + ": " + describe(e), e, directory);
        }
    }

    /**
     * The connection kept from the last transaction, or a new one.
     *
     * @throws IllegalStateException once {@link #close()} began: a new connection would boot the
     *         database again without the station's lock
     */
    private Connection take() throws SQLException {
        synchronized (this) {
            if (closing) {
                throw new IllegalStateException("the " + this + " is closed; open it again to use it");
            }
            Connection kept = idle;
            idle = null;
            // closed under us when the database was shut down (by another Database of the same folder)
            if (kept != null && !kept.isClosed()) {
                return kept;
            }
        }
        return DriverManager.getConnection(url);
    }

    /** Keeps a connection whose transaction committed, when none is kept; closes it otherwise. */
    private void giveBack(Connection c, boolean committed) throws SQLException {
        synchronized (this) {
            if (committed && idle == null && !closing && !c.isClosed()) {
                idle = c;
                return;
            }
        }
        c.close();
    }

    /** Runs {@code work} in one transaction, for work that returns nothing. */
    public void useTransaction(SqlAction work) {
        inTransaction(c -> {
            work.run(c);
            return null;
        });
    }

    /**
     * Derby's consistency check of every table and its indexes ({@code SYSCS_UTIL.SYSCS_CHECK_TABLE}):
     * the application's and Derby's own catalogs, which a damaged disk spoils as readily and which
     * an ordinary command may never read (the stored statements); returns how many were checked.
     *
     * @throws DatabaseException naming the first inconsistency Derby found
     */
    public int checkEveryTable() {
        return inTransaction(c -> {
            int checked = 0;
            try (var statement = c.createStatement(); var rows = statement.executeQuery(CHECK_EVERY_TABLE)) {
                while (rows.next()) {
                    checked++;
                }
            }
            return checked;
        });
    }

    public Station station() {
        return station;
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    public Path directory() {
        return directory;
    }

    public Clock clock() {
        return clock;
    }

    /** Shuts the database down cleanly, so the next open needs no recovery, and lets the station go. */
    @Override
    public void close() {
        try (lock) {
            synchronized (this) {
                closing = true;
                if (idle != null) {
                    idle.close();
                    idle = null;
                }
            }
            DriverManager.getConnection(url + ";shutdown=true").close();
        } catch (SQLException e) {
            // Derby reports a successful shutdown of one database as SQLState 08006, and one it shut
            // down itself after a severe error (a damaged page found) as not booted, XJ004
            if (!"08006".equals(e.getSQLState()) && !"XJ004".equals(e.getSQLState())) {
                throw new DatabaseException("could not close the database in " + directory + ": " + describe(e), e,
                        directory);
            }
        }
    }

    @Override
    public String toString() {
        return station + " database " + directory;
    }

    /** Derby's "another instance of Derby may have already booted the database". */
    private static boolean bootedElsewhere(SQLException e) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            if ("XSDB6".equals(next.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    static String describe(SQLException e) {
        String message = e.getMessage();
        // Derby puts the reason a database cannot boot (locked by another process, newer format) in
        // the next exception; the outer one only says "Failed to start database".
        for (SQLException next = e.getNextException(); next != null; next = next.getNextException()) {
            if (next.getMessage() != null && !next.getMessage().equals(message)) {
                message = message + " (" + next.getMessage() + ")";
                break;
            }
        }
        Throwable cause = e.getCause();
        if (cause instanceof SQLException causeSql && cause.getMessage() != null && !message.contains(cause.getMessage())) {
            message = message + " (" + causeSql.getMessage() + ")";
        }
        return message + " [SQLState " + e.getSQLState() + "]";
    }

    /** Work done inside a transaction that returns a value. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    /** Work done inside a transaction that returns nothing. */
    @FunctionalInterface
    public interface SqlAction {
        void run(Connection connection) throws SQLException;
    }
}
