package io.sincro.bench.company;

import java.nio.file.Path;

import io.sincro.bench.measure.Step;
import io.sincro.bench.measure.Trial;
import io.sincro.bench.measure.TrialSpace;
import io.sincro.db.Database;
import io.sincro.db.Station;

/**
 * Loading the company's CSV files into a new head office database with the project's own import
 * (what {@code sincro hq import} does, one transaction per file). Creating the database is
 * {@code sincro hq init}, and is not timed.
 */
public final class HeadOfficeImportStep implements Step {

    private final CompanyFixture fixture;

    public HeadOfficeImportStep(CompanyFixture fixture) {
        this.fixture = fixture;
    }

    @Override
    public String id() {
        return "hq-import";
    }

    @Override
    public String title() {
        return "head office: load the CSV files (CsvImport)";
    }

    @Override
    public Trial prepare(TrialSpace space) {
        CompanyFiles files = fixture.files();
        Path station = space.folder().resolve("hq");
        Database hq = Database.create(station.resolve(CompanyFixture.DATABASE), Station.headOffice(), fixture.clock());
        return new Trial() {
            private boolean loaded;

            @Override
            public long run() {
                long rows = files.loadInto(hq);
                loaded = true;
                return rows;
            }

            @Override
            public void close() {
                hq.close();
                if (loaded) {
                    fixture.adoptImportedHeadOffice(station);
                }
            }
        };
    }
}
