package io.sincro.bench.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.bench.company.CompanyFixture;
import io.sincro.bench.company.CompanySize;
import io.sincro.bench.company.SyntheticCompany;
import io.sincro.bench.measure.Step;

/** The sync steps themselves run in the small company's end-to-end test (BenchCommandTest). */
class SyncStepTest {

    @TempDir
    Path dir;

    @Test
    void withoutAnEngineEverySyncStepSaysWhyAndIsNeverPrepared() {
        CompanyFixture fixture = new CompanyFixture(new SyntheticCompany(CompanySize.SMALL, 1), dir, Clock.systemUTC(),
                line -> { });

        for (Step step : SyncStep.all(fixture, Optional.empty())) {
            assertThat(step.unavailable()).contains(SyncEngine.MISSING);
            assertThat(step.title()).doesNotContain("%s", "%%").isNotBlank();
        }
        assertThat(SyncStep.all(fixture, Optional.empty())).extracting(Step::id).containsExactly("first-publish",
                "first-sync", "delta-publish", "delta-sync", "orders-send", "orders-receive");
    }

    @Test
    void thisBuildHasTheEngine() {
        // module sync is in the build, so the benchmark's adapter to it is compiled and found
        assertThat(SyncEngine.installed()).isPresent();
    }
}
