package io.sincro.bench.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.bench.company.CompanyFixture;
import io.sincro.bench.company.CompanySize;
import io.sincro.bench.company.SyntheticCompany;
import io.sincro.bench.measure.Step;

/** The sync steps run, each agent syncing, in SmallBenchmarkIT; here only what they are called. */
class SyncStepTest {

    @TempDir
    Path dir;

    @Test
    void theSyncStepsInTheOrderTheyRunWithTheMeasuredAgentInTheirTitles() {
        CompanyFixture company = new CompanyFixture(new SyntheticCompany(CompanySize.SMALL, 1), dir.resolve("company"),
                Clock.systemUTC(), line -> { });
        SyncFixture fixture = new SyncFixture(company, new StationSyncEngine(), dir.resolve("sync"));

        assertThat(SyncStep.all(fixture)).extracting(Step::id).containsExactly("first-publish", "first-sync",
                "delta-publish", "delta-sync", "orders-send", "orders-receive", "many-orders-send", "many-orders-receive");
        assertThat(SyncStep.all(fixture)).extracting(Step::title).contains("agent A001: first sync (full snapshot import)",
                "head office: publish after 1% of the prices changed",
                "agent A001 sends 10,000 orders (its sync: several packages)",
                "head office receives agent A001's 10,000 orders");
    }
}
