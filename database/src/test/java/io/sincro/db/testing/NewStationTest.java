package io.sincro.db.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.extension.ConditionEvaluationResult.disabled;
import static org.junit.jupiter.api.extension.ConditionEvaluationResult.enabled;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import io.sincro.db.Database;
import io.sincro.db.Station;
import io.sincro.db.agents.Agents;

/** Each test has a new, open database of the station, closed and gone after the test, passed or failed. */
class NewStationTest {

    /** The configuration parameter that lets {@link AStationTestThatFails} run: only this class sets it. */
    private static final String RUN_SAMPLE = "sincro.test.new-station-sample";

    private final TestClock clock = TestClock.at("2026-03-02T08:00:00Z");

    @RegisterExtension
    final NewStation agent = NewStation.agent("A01", clock);

    @RegisterExtension
    final NewStation office = NewStation.headOffice(clock);

    @Test
    void eachTestHasAnEmptyDatabaseOfTheStationCreatedAtTheClocksInstant() {
        assertThat(agent.db().station()).isEqualTo(Station.agent("A01"));
        assertThat(office.db().station()).isEqualTo(Station.headOffice());
        assertThat(Sql.column(agent.db(), "SELECT created_at FROM station")).containsExactly("2026-03-02 08:00:00.0");
        assertThat(Sql.count(agent.db(), "SELECT COUNT(*) FROM product")).isZero();
    }

    @Test
    void theStationsOfOneTestAreDatabasesOfTheirOwn() {
        office.db().useTransaction(c -> new Agents().save(c, Rows.agent("A01"), clock.instant()));

        assertThat(agent.db().directory()).isNotEqualTo(office.db().directory());
        assertThat(Sql.count(office.db(), "SELECT COUNT(*) FROM agent")).isEqualTo(1);
        assertThat(Sql.count(agent.db(), "SELECT COUNT(*) FROM agent")).isZero();
    }

    @Test
    void afterATestThatFailedItsDatabaseIsClosedAndItsFolderRemoved() {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();

        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(AStationTestThatFails.class))
                .configurationParameter(RUN_SAMPLE, "true")
                .build(), listener);

        TestExecutionSummary summary = listener.getSummary();
        assertThat(summary.getTestsFailedCount()).as("failed tests").isEqualTo(1);
        assertThat(summary.getFailures().get(0).getException()).hasMessage("the test failed");
        Database used = AStationTestThatFails.used;
        assertThat(used.directory().getParent()).doesNotExist();
        assertThatThrownBy(() -> Sql.count(used, "SELECT COUNT(*) FROM agent"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is closed");
    }

    @Test
    void outsideATestThereIsNoDatabaseAndTheMessageSaysWhereToUseOne() {
        NewStation unregistered = NewStation.of(Station.agent("A02"), clock);

        assertThatThrownBy(unregistered::db).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("agent A02's new database exists only while a test runs")
                .hasMessageContaining("@RegisterExtension");
    }

    /** A test that fails, run only by {@link #afterATestThatFailedItsDatabaseIsClosedAndItsFolderRemoved}. */
    static class AStationTestThatFails {

        @RegisterExtension
        static final ExecutionCondition ONLY_FROM_NEW_STATION_TEST = context -> context
                .getConfigurationParameter(RUN_SAMPLE).isPresent()
                        ? enabled("run by NewStationTest")
                        : disabled("a sample NewStationTest runs, not a test of its own");

        static volatile Database used;

        @RegisterExtension
        final NewStation station = NewStation.agent("A01", TestClock.at("2026-03-02T08:00:00Z"));

        @Test
        void fails() {
            used = station.db();
            throw new AssertionError("the test failed");
        }
    }
}
