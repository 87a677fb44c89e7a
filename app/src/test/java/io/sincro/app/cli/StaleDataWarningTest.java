package io.sincro.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;

import io.sincro.app.CliRun.Result;
import io.sincro.app.CliRun;
import io.sincro.db.Database;
import io.sincro.db.journal.Journal;
import io.sincro.db.journal.JournalEntry.Event;
import io.sincro.db.journal.JournalEntry.Outcome;
import io.sincro.db.testing.Templates;
import io.sincro.db.testing.TestClock;
import io.sincro.testing.SampleCompany;

/**
 * Seed 000: an agent who has not received the head office's data for longer than sync.maxAgeDays
 * (3 by default), or never, is told so in one line on standard error by every command that opens
 * the station's database. Here it is 23 November 2026, 10:00 UTC; agent A01's station is made by
 * {@code hq prepare-agent} once, and each test works on its own copy.
 */
class StaleDataWarningTest {

    private static final String NEVER = "warning: this station has not received anything from the head office yet;"
            + " prices and stock are missing until you run sincro sync\n";

    @TempDir
    static Path shared;

    private static Path preparedHeadOffice;

    @TempDir
    Path dir;

    private final TestClock clock = TestClock.at("2026-11-23T10:00:00Z");
    private Path hq;
    private Path a01;
    private CliRun agent;

    @BeforeAll
    static void prepareStations() {
        preparedHeadOffice = shared.resolve("hq");
        CliRun headOffice = new CliRun(preparedHeadOffice, TestClock.at("2026-11-16T08:00:00Z"));
        for (String[] args : new String[][] {
                {"hq", "init"},
                {"hq", "import", "agents", SampleCompany.csv("agents").toString()},
                {"hq", "prepare-agent", "A01", "--out", "a01"}}) {
            Result result = headOffice.run(args);
            assertThat(result.exitCode()).as(result.toString()).isZero();
        }
    }

    @BeforeEach
    void copyStations() {
        hq = dir.resolve("hq");
        a01 = hq.resolve("a01");
        Templates.copyFolder(preparedHeadOffice, hq);
        agent = new CliRun(a01, clock);
    }

    @Test
    void aStationThatNeverReceivedAnythingSaysSoOnceAndTheCommandStillWorks() {
        Result result = agent.run("order", "list");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).isEqualTo(NEVER);
        assertThat(result.out()).isEqualTo("No orders yet; start one with 'sincro order new --customer CODE'.\n");
    }

    @Test
    void aReceiveOneDayAgoIsRecentEnough() {
        received(Event.RECEIVE, Outcome.OK, "2026-11-22T10:00:00Z");

        Result result = agent.run("order", "list");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).as(result.toString()).isEmpty();
    }

    @Test
    void aReceiveFiveDaysAgoNamesTheDaysAndWhen() {
        received(Event.RECEIVE, Outcome.OK, "2026-11-18T09:12:00Z");

        Result result = agent.run("customer", "list");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).isEqualTo("warning: this station last received the head office's data 5 days ago"
                + " (2026-11-18 09:12 UTC); prices and stock may be out of date; run sincro sync\n");
    }

    @Test
    void onlyAReceiveThatImportedEverythingCounts() {
        received(Event.RECEIVE, Outcome.OK, "2026-11-18T09:12:00Z");
        received(Event.RECEIVE, Outcome.FAILED, "2026-11-23T09:00:00Z");
        received(Event.RECEIVED, Outcome.OK, "2026-11-23T09:00:00Z");

        Result result = agent.run("log");

        assertThat(result.err()).as(result.toString()).contains("last received the head office's data 5 days ago");
    }

    @Test
    void theLimitIsSyncMaxAgeDaysAndJustReachingItIsNotStale() throws IOException {
        received(Event.RECEIVE, Outcome.OK, "2026-11-20T10:00:00Z");
        assertThat(agent.run("order", "list").err()).as("exactly 3 days").doesNotContain("warning");

        clock.advance(Duration.ofMinutes(1));
        assertThat(agent.run("order", "list").err()).contains("warning: this station last received the head"
                + " office's data 3 days ago (2026-11-20 10:00 UTC)");

        Files.writeString(a01.resolve("sincro.properties"), "sync.maxAgeDays=7\n", StandardOpenOption.APPEND);
        assertThat(agent.run("order", "list").err()).as("with sync.maxAgeDays=7").doesNotContain("warning");
    }

    @Test
    void exitCodesAreUnchanged() {
        Result failed = agent.run("customer", "show", "C99999");
        Result usage = agent.run("order", "add-line");

        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        assertThat(failed.err().lines()).containsExactly(NEVER.strip(),
                "sincro: customer C99999 is not on this station; find its code with 'sincro customer list --search"
                        + " NAME', or create it with 'sincro customer new'");
        assertThat(usage.exitCode()).as(usage.toString()).isEqualTo(2);
        assertThat(usage.err()).as("nothing was opened").doesNotContain("warning");
    }

    @Test
    void theHeadOfficeNeverWarns() {
        Result result = new CliRun(hq, clock).run("hq", "agents");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).as(result.toString()).isEmpty();
    }

    @Test
    void aCommandThatIsTheRemedyOptsOut() {
        AppEnvironment environment = new AppEnvironment(clock, Map.of(), a01);

        assertThat(run(new OpensTheDatabase(environment, false))).isEqualTo(NEVER);
        assertThat(run(new OpensTheDatabase(environment, true))).isEmpty();
    }

    /** Runs {@code command} as picocli would, returning what it printed on standard error. */
    private static String run(Object command) {
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(command);
        commandLine.setErr(new PrintWriter(err, true));
        assertThat(commandLine.execute()).isZero();
        return err.toString();
    }

    /** A command that opens the station's database the way sincro sync will, with or without the warning. */
    @Command(name = "opens-the-database")
    static final class OpensTheDatabase implements Callable<Integer> {

        @Mixin
        private StationOptions options;

        private final AppEnvironment environment;
        private final boolean optOut;

        OpensTheDatabase(AppEnvironment environment, boolean optOut) {
            this.environment = environment;
            this.optOut = optOut;
        }

        @Override
        public Integer call() {
            StationFolder station = StationFolder.open(options, environment);
            try (Database database = (optOut ? station.withoutStaleDataWarning() : station).openDatabase()) {
                return 0;
            }
        }
    }

    private void received(Event event, Outcome outcome, String at) {
        try (Database station = Database.open(a01.resolve("database"), clock)) {
            station.useTransaction(c -> new Journal().write(c, Instant.parse(at), event, outcome, null, "test"));
        }
    }
}
