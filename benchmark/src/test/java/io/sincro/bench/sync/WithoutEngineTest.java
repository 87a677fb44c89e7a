package io.sincro.bench.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.bench.company.CompanyFixture;
import io.sincro.bench.company.CompanySize;
import io.sincro.bench.company.PriceChange;
import io.sincro.bench.company.SyntheticCompany;
import io.sincro.bench.measure.Trial;
import io.sincro.bench.measure.TrialSpace;
import io.sincro.bench.reference.ReferenceImportStep;
import io.sincro.db.Contents;
import io.sincro.db.Database;

/**
 * The parts of the sync steps that need no engine, on the small company: the rows the reference
 * loads, the orders the agents enter, the 1% price change, the publish baseline.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WithoutEngineTest {

    private static final CompanySize SIZE = CompanySize.SMALL;

    private Path dir;
    private SyntheticCompany company;
    private CompanyFixture fixture;

    @BeforeAll
    void company(@TempDir Path folder) {
        dir = folder;
        company = new SyntheticCompany(SIZE, SyntheticCompany.DEFAULT_SEED);
        fixture = new CompanyFixture(company, dir.resolve("fixtures"), Clock.systemUTC(), line -> { });
    }

    @Test
    void theReferenceLoadsExactlyWhatTheAgentsFirstSyncBringsAndItsOrdersCanBeEnteredThere() throws Exception {
        ReferenceImportStep reference = new ReferenceImportStep(fixture, "A001", dir.resolve("reference"));
        Path run = dir.resolve("run");
        long rows;
        try (Trial trial = reference.prepare(new TrialSpace(1, run, run.resolve("mailbox"), null))) {
            rows = trial.run();
        }

        assertThat(rows).isEqualTo(SIZE.firstSyncRows());
        assertThat(reference.csvBytes()).isPositive();
        try (Database station = Database.open(run.resolve("A001").resolve(CompanyFixture.DATABASE), Clock.systemUTC())) {
            Contents contents = station.inTransaction(Contents::of);
            assertThat(contents).isEqualTo(new Contents(1, SIZE.customersPerAgent(), SIZE.products(), SIZE.priceListRows(),
                    SIZE.specialPricesPerAgent(), SIZE.products(), 0));

            // what the orders step's fixture does once the first sync has filled the station
            long entered = new OrderEntry(Clock.systemUTC()).enter(station, company.ordersOf(0));

            assertThat(entered).isEqualTo(SIZE.ordersPerAgent() * (1L + SIZE.linesPerOrder()));
            assertThat(station.inTransaction(Contents::of).orders()).isEqualTo(SIZE.ordersPerAgent());
        }
    }

    @Test
    void onePercentOfThePricesChangeAndTheSameOnesEveryTime() {
        PriceChange.Changed first = change("first");
        PriceChange.Changed second = change("second");

        assertThat(first.priceListRows()).isEqualTo(SIZE.priceListRows() / 100);
        assertThat(first.specialPrices()).isEqualTo(SIZE.specialPrices() / 100);
        assertThat(first.specialPricesByAgent().keySet()).isSubsetOf(company.agentCodes());
        assertThat(first.reaching("A001")).isEqualTo(first.priceListRows() + first.specialPricesByAgent().get("A001"));
        assertThat(second).isEqualTo(first);
    }

    @Test
    void thePublishBaselineIsTheCatalogOnceAndEachAgentsOwnData() {
        PublishBaseline.Bytes bytes = new PublishBaseline(fixture).measure(dir.resolve("baseline"));

        assertThat(bytes.agents()).isEqualTo(SIZE.agents());
        assertThat(bytes.catalog()).isGreaterThan(bytes.agentsData() / SIZE.agents());
        assertThat(bytes.agentsData()).isPositive();
        assertThat(bytes.total()).isEqualTo(bytes.catalog() + bytes.agentsData());
        assertThat(dir.resolve("baseline")).doesNotExist();
    }

    @Test
    void withoutTheEngineEverySyncStepSaysWhy() {
        for (var step : SyncStep.all(fixture, Optional.empty())) {
            assertThat(step.unavailable()).contains(SyncEngine.MISSING);
            assertThat(step.title()).doesNotContain("%s").isNotBlank();
        }
    }

    private PriceChange.Changed change(String name) {
        Path hq = fixture.importedHeadOffice().copyTo(dir.resolve(name));
        try (Database db = Database.open(hq.resolve(CompanyFixture.DATABASE), Clock.systemUTC())) {
            return new PriceChange(company).applyTo(db);
        }
    }
}
