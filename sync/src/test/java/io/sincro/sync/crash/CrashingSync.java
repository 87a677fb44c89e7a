package io.sincro.sync.crash;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.sincro.db.Database;
import io.sincro.exchange.Mailbox;
import io.sincro.exchange.PackageNames;
import io.sincro.exchange.ftp.FtpMailbox;
import io.sincro.exchange.ftp.FtpSettings;
import io.sincro.exchange.ftp.TlsMode;
import io.sincro.sync.StationSync;
import io.sincro.sync.SyncOptions;
import io.sincro.sync.SyncProgress;
import io.sincro.sync.SyncReport;

/**
 * The main class of a station process that dies at a chosen step of its sync, the way a laptop
 * loses power: {@link Runtime#halt} runs no shutdown hook and lets Derby close nothing, so the
 * next boot of the database goes through Derby's crash recovery.
 *
 * <p>Arguments: station folder, mailbox port, the instant the station's clock shows, and where to stop:
 * <ul>
 * <li>{@code none}: the sync runs; the test kills the process from outside;</li>
 * <li>{@code importing:NAME}: when package NAME, downloaded and checked, is about to be imported;</li>
 * <li>{@code imported:NAME}: right after NAME's import committed, before it leaves the mailbox;</li>
 * <li>{@code midImport:NAME:TABLE:ROWS}: while NAME is being imported, as soon as TABLE holds ROWS
 * rows that the import has written and not committed.</li>
 * </ul>
 * Exit codes say how it ended: {@link #HALTED} at the chosen step; anything else means the test
 * did not get the crash it asked for.
 */
final class CrashingSync {

    static final int HALTED = 77;
    static final int FINISHED_UNSTOPPED = 3;
    static final int WRONG_DURABILITY = 2;
    static final int MISSED_THE_MIDDLE = 4;

    private CrashingSync() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        Clock clock = Clock.fixed(Instant.parse(args[2]), ZoneOffset.UTC);
        String[] crash = args[3].split(":");
        // the whole point: commits must reach the disk as they do for users
        String durability = System.getProperty("derby.system.durability");
        if (durability != null) {
            say("refusing to run with derby.system.durability=" + durability + ": this process tests the normal durability");
            System.exit(WRONG_DURABILITY);
        }
        Path database = folder.resolve("database");
        try (Database db = Database.open(database, clock);
             Mailbox mailbox = new FtpMailbox(FtpSettings.of("127.0.0.1", port, FaultyMailbox.USER,
                     FaultyMailbox.PASSWORD, TlsMode.NONE), PackageNames.endingWith(".sincro"), clock)) {
            say("syncing " + db.station() + ", to stop at " + args[3]);
            SyncReport report = new StationSync(db, mailbox, folder, clock, SyncOptions.defaults(),
                    new StopAt(crash, database)).run();
            say("the sync ended without being stopped: " + report);
        }
        System.exit(FINISHED_UNSTOPPED);
    }

    /** The sync's progress callbacks, used as the places to die at. */
    private static final class StopAt implements SyncProgress {

        private final String step;
        private final String packageName;
        private final String[] crash;
        private final Path database;

        StopAt(String[] crash, Path database) {
            this.crash = crash;
            this.step = crash[0];
            this.packageName = crash.length > 1 ? crash[1] : "";
            this.database = database;
        }

        @Override
        public void importing(String name, long rows) {
            if (!name.equals(packageName)) {
                return;
            }
            if (step.equals("importing")) {
                halt(name + " is downloaded and checked, and its import of " + rows + " rows has not started");
            } else if (step.equals("midImport")) {
                Thread watcher = new Thread(() -> watch(name, crash[2], Long.parseLong(crash[3]), rows), "crash-watcher");
                watcher.setDaemon(true);
                watcher.start();
            }
        }

        @Override
        public void imported(String name) {
            if (!name.equals(packageName)) {
                return;
            }
            if (step.equals("imported")) {
                halt("the import of " + name + " committed; it is still in the mailbox");
            } else if (step.equals("midImport")) {
                say("the import of " + name + " committed before the watcher saw the middle of it");
                System.out.flush();
                Runtime.getRuntime().halt(MISSED_THE_MIDDLE);
            }
        }

        /**
         * Counts, on a connection of its own that reads uncommitted rows, what the import has written
         * so far, and halts the process in the middle of it.
         */
        private void watch(String name, String table, long threshold, long packageRows) {
            try (Connection c = DriverManager.getConnection("jdbc:derby:" + database.toAbsolutePath())) {
                c.setTransactionIsolation(Connection.TRANSACTION_READ_UNCOMMITTED);
                while (true) {
                    long written = count(c, "SELECT COUNT(*) FROM " + table);
                    if (written >= threshold) {
                        // the import writes its journal line after its rows (its identity before
                        // them): while even an uncommitted one is missing, the import is in the middle
                        if (count(c, "SELECT COUNT(*) FROM journal WHERE event = 'RECEIVED' AND package_name = '"
                                + name + "'") > 0) {
                            say("the watcher came too late: " + name + " has all its rows written");
                            System.out.flush();
                            Runtime.getRuntime().halt(MISSED_THE_MIDDLE);
                        }
                        halt(name + " is being imported: " + written + " rows of " + table
                                + " written and not committed, its journal line not yet (the package has " + packageRows
                                + " rows)");
                    }
                    Thread.sleep(20);
                }
            } catch (SQLException | InterruptedException e) {
                say("the watcher failed: " + e);
                e.printStackTrace(System.out);
                System.out.flush();
                Runtime.getRuntime().halt(MISSED_THE_MIDDLE);
            }
        }

        private static long count(Connection c, String query) throws SQLException {
            try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery(query)) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static void halt(String where) {
        say("halting: " + where);
        System.out.flush();
        Runtime.getRuntime().halt(HALTED);
    }

    private static void say(String line) {
        System.out.println("[crashing sync] " + line);
    }
}
