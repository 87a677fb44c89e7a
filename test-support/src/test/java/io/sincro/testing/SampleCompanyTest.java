package io.sincro.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.db.Database;
import io.sincro.db.Station;
import io.sincro.db.testing.Rows;
import io.sincro.db.testing.Sql;
import io.sincro.db.testing.TestClock;
import io.sincro.office.imports.CsvImport;
import io.sincro.office.imports.ImportKind;
import io.sincro.office.stations.AgentStations;
import io.sincro.office.stations.StationSetup;

/** What the sample company's copies hold is what the real import and prepare-agent make. */
class SampleCompanyTest {

    /** Sincro's own tables, every one of them. */
    private static final String TABLES = "SELECT tablename FROM sys.systables WHERE tabletype = 'T' ORDER BY 1";
    /** What the tests here prepare with: the station's numbering, as the sync's handover writes it, is the sync's to test. */
    private static final StationSetup NO_EXCHANGE = (company, station, agent) -> { };

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Rows.T0);

    @Test
    void aCopiedHeadOfficeHoldsEveryRowTheCsvImportLoads() {
        try (Database loaded = Database.create(dir.resolve("loaded"), Station.headOffice(), clock);
                Database copied = SampleCompany.headOffice(dir.resolve("copied"), clock)) {
            CsvImport csv = new CsvImport(loaded);
            for (ImportKind kind : ImportKind.MASTER_DATA) {
                csv.load(kind, SampleCompany.csv(kind));
            }

            assertSameRows(copied, loaded);
            assertThat(Sql.count(copied, "SELECT COUNT(*) FROM customer")).isEqualTo(72);
        }
    }

    @Test
    void copiedStationsAreWhatPreparingThemMakesAtTheHeadOfficeAndAtEachAgent() {
        SampleCompany.prepared(dir.resolve("copied"), Rows.T0, NO_EXCHANGE, "A01", "A02");
        Path real = dir.resolve("real");
        try (Database company = SampleCompany.headOffice(real.resolve("hq/database"), clock)) {
            AgentStations stations = new AgentStations(company, NO_EXCHANGE);
            for (String agent : List.of("A01", "A02")) {
                stations.prepare(agent, real.resolve(agent), SampleCompany.settings(agent));
            }
        }

        for (String station : List.of("hq", "A01", "A02")) {
            try (Database copied = Database.open(dir.resolve("copied").resolve(station).resolve("database"), clock);
                    Database prepared = Database.open(real.resolve(station).resolve("database"), clock)) {
                assertThat(copied.station()).isEqualTo(prepared.station());
                assertSameRows(copied, prepared);
            }
        }
        assertThat(dir.resolve("copied/A01/sincro.properties")).hasContent("role=agent\nagent.code=A01\n");
        assertThat(Files.exists(dir.resolve("copied/A03"))).isFalse();
    }

    private static void assertSameRows(Database copied, Database made) {
        List<String> tables = Sql.column(made, TABLES);
        assertThat(Sql.column(copied, TABLES)).isEqualTo(tables);
        for (String table : tables) {
            assertThat(Sql.rows(copied, "SELECT * FROM " + table)).as(table)
                    .containsExactlyInAnyOrderElementsOf(Sql.rows(made, "SELECT * FROM " + table));
        }
    }
}
