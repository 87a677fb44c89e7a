package io.sincro.bench.company;

import java.nio.file.Path;

import io.sincro.bench.measure.Step;
import io.sincro.bench.measure.Trial;
import io.sincro.bench.measure.TrialSpace;
import io.sincro.db.Database;

/** Preparing every agent's station from the loaded head office ({@code sincro hq prepare-agent}). */
public final class PrepareStationsStep implements Step {

    private final CompanyFixture fixture;

    public PrepareStationsStep(CompanyFixture fixture) {
        this.fixture = fixture;
    }

    @Override
    public String id() {
        return "prepare-agents";
    }

    @Override
    public String title() {
        return "head office: prepare every agent's station (rows: stations)";
    }

    @Override
    public Trial prepare(TrialSpace space) {
        Path station = fixture.importedHeadOffice().copyTo(space.folder().resolve("hq"));
        Path stations = space.folder().resolve("stations");
        Database hq = Database.open(station.resolve(CompanyFixture.DATABASE), fixture.clock());
        return new Trial() {
            private boolean prepared;

            @Override
            public long run() {
                long count = fixture.prepareStations(hq, stations);
                prepared = true;
                return count;
            }

            @Override
            public void close() {
                hq.close();
                if (prepared) {
                    fixture.adoptPrepared(station, stations);
                }
            }
        };
    }
}
