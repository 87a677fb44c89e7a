package io.sincro.bench.company;

import io.sincro.bench.measure.Step;
import io.sincro.bench.measure.Trial;
import io.sincro.bench.measure.TrialSpace;

/** Writing the back-end's CSV files of the synthetic company from the seed. */
public final class GenerateStep implements Step {

    private final CompanyFixture fixture;

    public GenerateStep(CompanyFixture fixture) {
        this.fixture = fixture;
    }

    @Override
    public String id() {
        return "generate";
    }

    @Override
    public String title() {
        return "generate the back-end's CSV files from the seed";
    }

    @Override
    public Trial prepare(TrialSpace space) {
        return new Trial() {
            private CompanyFiles files;

            @Override
            public long run() {
                files = fixture.company().writeTo(space.folder().resolve("csv"));
                return files.rows();
            }

            @Override
            public void close() {
                if (files != null) {
                    fixture.adoptFiles(files);
                }
            }
        };
    }
}
