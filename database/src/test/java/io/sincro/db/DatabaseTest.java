package io.sincro.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.db.agents.Agents;
import io.sincro.db.journal.Journal;
import io.sincro.db.journal.JournalEntry.Event;
import io.sincro.db.journal.JournalEntry.Outcome;
import io.sincro.db.testing.Rows;
import io.sincro.db.testing.Sql;
import io.sincro.db.testing.TestClock;

class DatabaseTest {

    @TempDir
    Path dir;

    private final TestClock clock = TestClock.at("2026-03-02T08:00:00Z");

    @Test
    void aNewDatabaseRemembersWhoseItIs() {
        try (Database db = Database.create(dir.resolve("db"), Station.agent("A01"), clock)) {
            assertThat(db.station()).isEqualTo(Station.agent("A01"));
        }
        try (Database reopened = Database.open(dir.resolve("db"), clock)) {
            assertThat(reopened.station()).isEqualTo(Station.agent("A01"));
            assertThat(reopened.schemaVersion()).isEqualTo(Migrations.latestVersion());
        }
    }

    @Test
    void derbyIsToldToUseTransactionLogBuffersOf256KiBUnlessTheJvmSaysOtherwise() {
        try (Database db = Database.create(dir.resolve("db"), Station.headOffice(), clock)) {
            // an import's log then reaches the disk in a hundred synchronous writes, not a thousand;
            // Derby reads it only as a system property, so this is all there is to see of it
            assertThat(System.getProperty("derby.storage.logBufferSize")).isEqualTo("262144");
        }
    }

    @Test
    void identityValuesAreReservedAThousandAtATime() {
        try (Database db = Database.create(dir.resolve("db"), Station.headOffice(), clock)) {
            db.useTransaction(c -> new Journal().write(c, clock.instant(), Event.SYNC, Outcome.OK, null, "one line"));

            // the range reserved on disk, past the one value taken (Derby's sequence of an identity
            // column is named after its table's id)
            String table = Sql.column(db, "SELECT CAST(tableid AS CHAR(36)) FROM sys.systables"
                    + " WHERE tablename = 'JOURNAL'").get(0);
            assertThat(Sql.column(db, "SELECT TRIM(CAST(currentvalue AS CHAR(20))) FROM sys.syssequences"
                    + " WHERE sequencename = 'U" + table.replace('-', 'X') + "'")).containsExactly("1001");
        }
    }

    @Test
    void aTransactionThatFailedLeavesNothingToTheNextOne() {
        try (Database db = Database.create(dir.resolve("db"), Station.headOffice(), clock)) {
            Sql.execute(db, "CREATE TABLE probe (n INT)");
            assertThatThrownBy(() -> db.useTransaction(c -> {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO probe VALUES (1)")) {
                    insert.executeUpdate();
                }
                throw new IllegalStateException("stopped half way");
            })).hasMessage("stopped half way");

            // the next transactions (on a connection kept from the one before, or a new one) see none of it
            assertThat(Sql.count(db, "SELECT COUNT(*) FROM probe")).isZero();
            db.useTransaction(c -> {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO probe VALUES (2)")) {
                    insert.executeUpdate();
                }
            });
            assertThat(Sql.count(db, "SELECT COUNT(*) FROM probe")).isEqualTo(1);
        }
    }

    @Test
    void creatingOverAnExistingDatabaseIsRefused() {
        Database.create(dir.resolve("db"), Station.headOffice(), clock).close();

        assertThatThrownBy(() -> Database.create(dir.resolve("db"), Station.headOffice(), clock))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("already exists")
                .hasMessageContaining("nothing was changed");
    }

    @Test
    void openingAMissingDatabaseSaysHowToMakeOne() {
        assertThatThrownBy(() -> Database.open(dir.resolve("nowhere"), clock))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("no Sincro database in")
                .hasMessageContaining("sincro hq init");
    }

    @Test
    void aDatabaseWrittenByANewerSincroIsRefusedWithItsVersion() {
        try (Database db = Database.create(dir.resolve("db"), Station.headOffice(), clock)) {
            Sql.execute(db, "INSERT INTO schema_version VALUES (999, 'from the future', CURRENT_TIMESTAMP)");
        }

        assertThatThrownBy(() -> Database.open(dir.resolve("db"), clock))
                .isInstanceOf(SchemaTooNewException.class)
                .hasMessageContaining("schema version 999")
                .hasMessageContaining("reads versions up to " + Migrations.latestVersion());
    }

    @Test
    void pendingMigrationsApplyWhenTheDatabaseOpens() throws Exception {
        Path path = dir.resolve("db");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:derby:" + path + ";create=true")) {
            List<Migrations.Migration> firstOnly = List.of(Migrations.ALL.get(0));
            new Migrations(clock, firstOnly).migrate(c, path);
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO station (id, role, agent_code, created_at) VALUES (1, 'HEAD_OFFICE', NULL, CURRENT_TIMESTAMP)")) {
                s.executeUpdate();
            }
        } finally {
            shutdown(path);
        }

        try (Database db = Database.open(path, clock)) {
            assertThat(db.schemaVersion()).isEqualTo(Migrations.latestVersion());
            assertThat(Sql.count(db, "SELECT COUNT(*) FROM schema_version")).isEqualTo(Migrations.ALL.size());
        }
    }

    @Test
    void theAcknowledgementsAPackageCarriedMoveFromTextIntoRows() throws Exception {
        Path path = dir.resolve("db");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:derby:" + path + ";create=true")) {
            new Migrations(clock, Migrations.ALL.subList(0, 7)).migrate(c, path);
            try (var s = c.createStatement()) {
                s.executeUpdate("INSERT INTO station (id, role, agent_code, created_at)"
                        + " VALUES (1, 'AGENT', 'A01', CURRENT_TIMESTAMP)");
                for (String[] p : new String[][] {{"1", "HQ_to_A01=4 HQ_catalog=19"}, {"2", "HQ_catalog=20"}, {"3", ""}}) {
                    s.executeUpdate("INSERT INTO exported_package (stream, sequence, kind, based_on, change_mark,"
                            + " file_name, bytes, sha256, written_at, acknowledges) VALUES ('A01_to_HQ', " + p[0]
                            + ", 'DELTA', 0, 0, 'f', 0, '" + "0".repeat(64) + "', CURRENT_TIMESTAMP, '" + p[1] + "')");
                }
            }
        } finally {
            shutdown(path);
        }

        try (Database db = Database.open(path, clock)) {
            assertThat(Sql.rows(db, "SELECT sequence, acknowledged_stream, acknowledged_sequence FROM sent_acknowledgement"
                    + " ORDER BY sequence, acknowledged_stream"))
                    .containsExactly(List.of("1", "HQ_catalog", "19"), List.of("1", "HQ_to_A01", "4"),
                            List.of("2", "HQ_catalog", "20"));
        }
    }

    @Test
    void ordersStoredBeforeStatusesHadAnAuthorGetOneAndATime() throws Exception {
        Path path = dir.resolve("db");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:derby:" + path + ";create=true")) {
            new Migrations(clock, Migrations.ALL.subList(0, 7)).migrate(c, path);
            try (java.sql.Statement s = c.createStatement()) {
                s.execute("INSERT INTO station VALUES (1, 'AGENT', 'A01', CURRENT_TIMESTAMP)");
                s.execute("INSERT INTO agent VALUES ('A01', 'Agent', NULL, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP,"
                        + " NULL, FALSE)");
                s.execute("INSERT INTO customer (code, name, origin, created_at, updated_at)"
                        + " VALUES ('C1', 'Rossi', 'HEAD_OFFICE', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
                s.execute("INSERT INTO customer_order (series, number, agent_code, customer_code, origin, status,"
                        + " order_date, created_at, updated_at, status_changed_at) VALUES"
                        + " ('A01', 1, 'A01', 'C1', 'AGENT', 'SUBMITTED', '2026-03-02', '2026-03-02 08:00:00',"
                        + " '2026-03-02 08:00:00', NULL),"
                        + " ('A01', 2, 'A01', 'C1', 'AGENT', 'SHIPPED', '2026-03-02', '2026-03-02 08:00:00',"
                        + " '2026-03-02 08:00:00', '2026-03-04 15:00:00')");
            }
            c.commit();
        } finally {
            shutdown(path);
        }

        try (Database db = Database.open(path, clock)) {
            assertThat(Sql.rows(db, "SELECT number, status_changed_by, status_changed_at FROM customer_order ORDER BY number"))
                    .containsExactly(List.of("1", "A01", "2026-03-02 08:00:00.0"), List.of("2", "HQ", "2026-03-04 15:00:00.0"));
        }
    }

    @Test
    void productsStoredBeforeTheWordIndexAreIndexedWhenTheDatabaseOpens() throws Exception {
        Path path = dir.resolve("db");
        List<Migrations.Migration> before = Migrations.ALL.stream().filter(m -> m.version() < 20).toList();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:derby:" + path + ";create=true")) {
            new Migrations(clock, before).migrate(c, path);
            try (java.sql.Statement s = c.createStatement()) {
                s.execute("INSERT INTO station VALUES (1, 'AGENT', 'A01', CURRENT_TIMESTAMP)");
                s.execute("INSERT INTO product (code, description, unit, vat_rate, active, updated_at) VALUES"
                        + " ('P1', 'Vite legno 4x30', 'PZ', 22, TRUE, CURRENT_TIMESTAMP),"
                        + " ('P2', 'Dado M8 (inox)', 'PZ', 22, TRUE, CURRENT_TIMESTAMP)");
            }
            c.commit();
        } finally {
            shutdown(path);
        }

        try (Database db = Database.open(path, clock)) {
            assertThat(Sql.rows(db, "SELECT product_code, word FROM product_word ORDER BY product_code, word"))
                    .containsExactly(List.of("P1", "4X30"), List.of("P1", "LEGNO"), List.of("P1", "VITE"),
                            List.of("P2", "DADO"), List.of("P2", "INOX"), List.of("P2", "M8"));
        }
    }

    @Test
    void aFailedTransactionLeavesNothingBehind() {
        try (Database db = Database.create(dir.resolve("db"), Station.headOffice(), clock)) {
            Agents agents = new Agents();

            assertThatThrownBy(() -> db.useTransaction(c -> {
                agents.save(c, Rows.agent("A01"), clock.instant());
                throw new IllegalStateException("line 2 is bad");
            })).hasMessage("line 2 is bad");

            assertThat(Sql.count(db, "SELECT COUNT(*) FROM agent")).isZero();
        }
    }

    @Test
    void aClosedDatabaseRefusesWorkRatherThanBootingAgainWithoutTheStation() {
        Database db = Database.create(dir.resolve("db"), Station.headOffice(), clock);
        Sql.count(db, "SELECT COUNT(*) FROM agent");
        db.close();

        assertThatThrownBy(() -> Sql.count(db, "SELECT COUNT(*) FROM agent"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the " + db + " is closed; open it again to use it");
        // nothing booted it again: the station is free and the database opens as usual
        try (Database reopened = Database.open(dir.resolve("db"), clock)) {
            assertThat(Sql.count(reopened, "SELECT COUNT(*) FROM agent")).isZero();
        }
    }

    @Test
    void sqlErrorsNameTheDatabaseAndTheSqlState() {
        try (Database db = Database.create(dir.resolve("db"), Station.headOffice(), clock)) {
            assertThatThrownBy(() -> Sql.execute(db, "SELECT nothing FROM nowhere"))
                    .isInstanceOf(DatabaseException.class)
                    .hasMessageContaining(dir.resolve("db").toString())
                    .hasMessageContaining("SQLState 42X05");
        }
    }

    private static void shutdown(Path path) {
        try {
            java.sql.DriverManager.getConnection("jdbc:derby:" + path + ";shutdown=true").close();
        } catch (java.sql.SQLException expected) {
            assertThat(expected.getSQLState()).isEqualTo("08006");
        }
    }
}
