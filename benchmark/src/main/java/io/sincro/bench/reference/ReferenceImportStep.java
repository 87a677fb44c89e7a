package io.sincro.bench.reference;

import java.nio.file.Path;

import io.sincro.bench.company.CompanyFixture;
import io.sincro.bench.measure.Step;
import io.sincro.bench.measure.Trial;
import io.sincro.bench.measure.TrialSpace;
import io.sincro.db.Contents;
import io.sincro.db.Database;

/**
 * The benchmark's yardstick: Derby's own bulk import of exactly the rows an agent's first sync brings,
 * into the same tables of the same kind of database the sync fills (a freshly prepared station of
 * that agent, made by {@code AgentStations.prepare}: the project's schema, the agent's own row).
 * No sync can be faster than this by much, so the first sync is judged against it.
 *
 * <p>The files are Derby's own export of the head office's rows (untimed, once); each table is
 * loaded with {@code SYSCS_UTIL.SYSCS_IMPORT_TABLE}, or {@code SYSCS_IMPORT_DATA} naming the
 * columns where the table has generated columns (which IMPORT_TABLE cannot skip). All tables load
 * in one transaction, as a package is imported in one.
 */
public final class ReferenceImportStep implements Step {

    private final CompanyFixture fixture;
    private final String agentCode;
    private final Path folder;
    private ReferenceFiles files;

    /**
     * @param agentCode whose first sync the reference stands for
     * @param folder    where the exported files are kept
     */
    public ReferenceImportStep(CompanyFixture fixture, String agentCode, Path folder) {
        this.fixture = fixture;
        this.agentCode = agentCode;
        this.folder = folder;
    }

    @Override
    public String id() {
        return "reference";
    }

    @Override
    public String title() {
        return "Derby bulk import of " + agentCode + "'s first-sync rows (SYSCS_IMPORT_TABLE)";
    }

    /** The size of the exported CSV files, to set beside the packages' bytes. */
    public long csvBytes() {
        return files().bytes();
    }

    @Override
    public Trial prepare(TrialSpace space) {
        ReferenceFiles reference = files();
        Path station = fixture.preparedStation(agentCode).copyTo(space.folder().resolve(agentCode));
        Database database = Database.open(station.resolve(CompanyFixture.DATABASE), fixture.clock());
        return new Trial() {
            @Override
            public long run() {
                database.useTransaction(c -> {
                    for (TableFile table : reference.tables()) {
                        table.importInto(c);
                    }
                });
                return reference.rows();
            }

            @Override
            public void verify() {
                Contents expected = fixture.company().size().firstSyncContents();
                Contents loaded = database.inTransaction(Contents::of);
                if (!loaded.equals(expected)) {
                    throw new IllegalStateException("the bulk import left " + loaded + " instead of " + expected);
                }
            }

            @Override
            public void close() {
                database.close();
            }
        };
    }

    private synchronized ReferenceFiles files() {
        if (files == null) {
            fixture.progress("exporting " + agentCode + "'s first-sync rows with Derby's export");
            // The snapshot is opened where it is: reading and a clean shutdown leave it a sound,
            // closed database with the same rows, which is all a snapshot promises.
            try (Database hq = Database.open(fixture.importedHeadOffice().folder().resolve(CompanyFixture.DATABASE),
                    fixture.clock())) {
                files = new FirstSyncRows(agentCode).export(hq, folder);
            }
        }
        return files;
    }
}
