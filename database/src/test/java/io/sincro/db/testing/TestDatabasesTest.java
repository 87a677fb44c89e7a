package io.sincro.db.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.db.Database;
import io.sincro.db.Station;
import io.sincro.db.agents.Agents;

/** A database copied from a template holds exactly what Database.create makes, and is a database of its own. */
class TestDatabasesTest {

    /** What creating a database writes: its schema (every table and column), its migrations and whose it is. */
    private static final List<String> CONTENT = List.of(
            "SELECT t.tablename, c.columnname, c.columnnumber FROM sys.systables t JOIN sys.syscolumns c"
                    + " ON c.referenceid = t.tableid WHERE t.tabletype = 'T' ORDER BY 1, 3",
            "SELECT version, description, applied_at FROM schema_version ORDER BY version",
            "SELECT id, role, agent_code, created_at FROM station");

    @TempDir
    Path dir;

    private final TestClock clock = TestClock.at("2026-03-02T08:00:00Z");

    @Test
    void aCopiedDatabaseHoldsWhatCreatingOneWrites() {
        try (Database created = Database.create(dir.resolve("created"), Station.agent("A01"), clock);
                Database copied = TestDatabases.create(dir.resolve("copied"), Station.agent("A01"), clock)) {
            assertThat(copied.station()).isEqualTo(created.station());
            assertThat(copied.schemaVersion()).isEqualTo(created.schemaVersion());
            assertThat(copied.directory()).isEqualTo(dir.resolve("copied").toAbsolutePath());
            for (String query : CONTENT) {
                assertThat(Sql.rows(copied, query)).as(query).isNotEmpty().isEqualTo(Sql.rows(created, query));
            }
        }
    }

    @Test
    void eachCopyIsADatabaseOfItsOwn() {
        try (Database first = TestDatabases.create(dir.resolve("first"), Station.headOffice(), clock);
                Database second = TestDatabases.create(dir.resolve("second"), Station.headOffice(), clock)) {
            first.useTransaction(c -> new Agents().save(c, Rows.agent("A01"), clock.instant()));

            assertThat(Sql.count(first, "SELECT COUNT(*) FROM agent")).isEqualTo(1);
            assertThat(Sql.count(second, "SELECT COUNT(*) FROM agent")).isZero();
        }
    }

    @Test
    void aDatabaseCreatedAtAnotherInstantSaysSo() {
        TestClock later = TestClock.at("2026-03-05T10:00:00Z");

        try (Database copied = TestDatabases.create(dir.resolve("later"), Station.headOffice(), later)) {
            assertThat(Sql.column(copied, "SELECT created_at FROM station")).containsExactly("2026-03-05 10:00:00.0");
        }
    }
}
