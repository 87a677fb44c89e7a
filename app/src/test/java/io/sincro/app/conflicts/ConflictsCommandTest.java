package io.sincro.app.conflicts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.app.CliRun.Result;
import io.sincro.app.CliRun;
import io.sincro.app.LoopbackStations;
import io.sincro.app.SampleHeadOffice;
import io.sincro.db.Database;
import io.sincro.db.changes.ChangeSource;
import io.sincro.db.prices.SpecialPrices;
import io.sincro.db.testing.Templates;
import io.sincro.db.testing.TestClock;

/**
 * {@code sincro conflicts} on the sample company's head office and agent A01's station, with the
 * conflicts decided the real way: special prices edited on both sides through the command line,
 * then {@code sincro sync} at both stations through a loopback mailbox. In the sample, customer
 * C00001 (agent A01) pays 32.62 less 10% for P00081 and 38.23 for P00049. The stations are prepared
 * and make their first exchange once; each test works on its own copy of them and the mailbox.
 */
class ConflictsCommandTest {

    @TempDir
    static Path shared;

    private static Path prepared;

    @TempDir
    Path dir;

    private final TestClock clock = TestClock.at("2026-03-02T08:00:00Z");
    private CliRun headOffice;
    private CliRun agent;
    private Path hq;
    private Path a01;
    private LoopbackStations mailbox;

    /**
     * The head office's folder (hq, holding agent A01's station in hq/a01) and their mailbox, after
     * the head office's and the agent's first syncs at 08:00 and the head office's next one.
     */
    @BeforeAll
    static void aHeadOfficeAndAgentA01AfterTheirFirstSync() {
        TestClock clock = TestClock.at(SampleHeadOffice.AT);
        prepared = shared.resolve("prepared");
        Path hq = SampleHeadOffice.withLoopbackMailbox(prepared.resolve("hq"));
        CliRun headOffice = new CliRun(hq, clock);
        ok(headOffice, "hq", "prepare-agent", "A01", "--out", "a01");
        try (LoopbackStations mailbox = LoopbackStations.serve(prepared.resolve("mailbox"), clock, hq, hq.resolve("a01"))) {
            mailbox.sync(hq, hq.resolve("a01"), hq);
        }
    }

    @BeforeEach
    void copyStations() {
        Templates.copyFolder(prepared, dir);
        hq = dir.resolve("hq");
        a01 = hq.resolve("a01");
        mailbox = LoopbackStations.serve(dir.resolve("mailbox"), clock, hq, a01);
        headOffice = mailbox.at(hq);
        agent = mailbox.at(a01);
    }

    @AfterEach
    void stopMailbox() {
        mailbox.close();
    }

    /** What the agent changed reaches the head office: the agent syncs, then the head office. */
    private void up() {
        mailbox.sync(a01, hq);
    }

    /** What the head office changed reaches the agent: the head office syncs, then the agent. */
    private void down() {
        mailbox.sync(hq, a01);
    }

    @Test
    void theHeadOfficeListsItsConflictsNewestFirstWithBothVersions() throws IOException {
        at("08:30");
        headOfficeSets("C00001,P00081,30.00,10");
        at("09:00");
        ok(agent, "price", "set", "C00001", "P00081", "31.50", "--discount", "10");
        at("09:10");
        up();
        at("09:20");
        ok(agent, "price", "set", "C00001", "P00049", "40");
        at("09:30");
        try (Database company = Database.open(hq.resolve("database"), clock)) {
            company.useTransaction(c -> new SpecialPrices().remove(c, "C00001", "P00049", clock.instant(), "HQ",
                    ChangeSource.LOCAL));
        }
        at("10:00");
        up();

        Result listed = ok(headOffice, "conflicts", "--format", "csv");

        assertThat(listed.out().lines()).containsExactly(
                "decided,customer,product,kept,kept by,kept at,gave way,gave way by,gave way at,package,why",
                "2026-03-02 10:00 UTC,C00001,P00049,deleted,HQ,2026-03-02 09:30 UTC,40.00 EUR,A01,2026-03-02 09:20 UTC,"
                        + "A01_to_HQ_000000003.sincro,the most recent change wins: HQ's at 2026-03-02T09:30:00Z is"
                        + " later than A01's at 2026-03-02T09:20:00Z",
                "2026-03-02 09:10 UTC,C00001,P00081,31.50 EUR less 10%,A01,2026-03-02 09:00 UTC,30.00 EUR less 10%,HQ,"
                        + "2026-03-02 08:30 UTC,A01_to_HQ_000000002.sincro,the most recent change wins: A01's at"
                        + " 2026-03-02T09:00:00Z is later than HQ's at 2026-03-02T08:30:00Z");
        assertThat(ok(headOffice, "conflicts", "--customer", "C00001").out().lines()).hasSize(3)
                .element(1).asString().startsWith("2026-03-02 10:00 UTC  C00001    P00049   deleted ");
        assertThat(ok(headOffice, "conflicts", "--customer", "C00002").out())
                .startsWith("No special-price conflicts about customer C00002");
    }

    @Test
    void anAgentListsTheConflictsItsOwnStationDecided() throws IOException {
        at("09:00");
        ok(agent, "price", "set", "C00001", "P00081", "31.50", "--discount", "10");
        at("09:30");
        headOfficeSets("C00001,P00081,30.00,10");
        at("10:00");
        down();

        Result listed = ok(agent, "conflicts", "--format", "json");

        assertThat(listed.out()).isEqualTo("""
                [
                  {"decided": "2026-03-02 10:00 UTC", "customer": "C00001", "product": "P00081", \
                "kept": "30.00 EUR less 10%", "kept by": "HQ", "kept at": "2026-03-02 09:30 UTC", \
                "gave way": "31.50 EUR less 10%", "gave way by": "A01", "gave way at": "2026-03-02 09:00 UTC", \
                "package": "HQ_to_A01_000000002.sincro", "why": "the most recent change wins: HQ's at \
                2026-03-02T09:30:00Z is later than A01's at 2026-03-02T09:00:00Z"}
                ]
                """);
        assertThat(ok(headOffice, "conflicts").out()).startsWith("No special-price conflicts");
    }

    @Test
    void noConflictsIsOneSentenceForPeopleAndAnEmptyListingForScripts() {
        assertThat(ok(headOffice, "conflicts").out()).isEqualTo(
                "No special-price conflicts: no special price was changed on both sides between two syncs.\n");
        assertThat(ok(agent, "conflicts", "--customer", "C00002").out()).isEqualTo("No special-price conflicts about"
                + " customer C00002: none of its special prices was changed on both sides between two syncs.\n");
        assertThat(ok(headOffice, "conflicts", "--format", "csv").out()).isEqualTo(
                "decided,customer,product,kept,kept by,kept at,gave way,gave way by,gave way at,package,why\n");
        assertThat(ok(headOffice, "conflicts", "--format", "json").out()).isEqualTo("[]\n");
    }

    @Test
    void anUnknownCustomerExitsOneRatherThanSayingItHasNoConflicts() {
        Result result = headOffice.run("conflicts", "--customer", "C99999");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("sincro: customer C99999 is not in this station's database and no"
                + " conflict names it; check the code (at an agent station: sincro customer list --search NAME)");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void conflictsWithoutAStationIsOneSentence() {
        Result result = new CliRun(dir, clock).run("conflicts");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).startsWith("sincro: there is no settings file");
    }

    /** The head office's back-end changes special prices by importing them. */
    private void headOfficeSets(String line) throws IOException {
        Path file = Files.writeString(hq.resolve("special-prices-" + clock.instant().getEpochSecond() + ".csv"),
                "customer,product,price,discount\n" + line + "\n");
        ok(headOffice, "hq", "import", "special-prices", file.toString());
    }

    /** Moves the one clock both stations share to {@code time} on 2 March. */
    private void at(String time) {
        clock.advance(Duration.between(clock.instant(), Instant.parse("2026-03-02T" + time + ":00Z")));
    }

    private static Result ok(CliRun sincro, String... args) {
        Result result = sincro.run(args);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result;
    }
}
