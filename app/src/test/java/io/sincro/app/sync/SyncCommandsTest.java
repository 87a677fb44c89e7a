package io.sincro.app.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.app.CliRun;
import io.sincro.app.CliRun.Result;
import io.sincro.app.LoopbackStations;
import io.sincro.app.SampleHeadOffice;
import io.sincro.db.testing.Templates;
import io.sincro.db.testing.TestClock;
import io.sincro.testing.LoopbackMailbox;

/**
 * {@code sincro sync}, {@code sync --check}, {@code status} and {@code log} run in-process on the
 * sample company's head office and agent A01's station, through a real embedded FTP server.
 *
 * <p>Loading the company and the first exchange are the slow part, so they run once, in four
 * stages each test starts from a copy of: <i>prepared</i> (the head office loaded, A01's station
 * made, the mailbox empty), <i>published</i> (the head office has synced), <i>collected</i> (A01
 * has synced too) and <i>received</i> (A01 submitted order A01/000001 and synced, then the head
 * office). The two syncs between the first three stages are the ones the first test reads.
 */
class SyncCommandsTest {

    private static final TestClock CLOCK = TestClock.at("2026-03-02T08:00:00Z");

    @TempDir
    static Path stages;
    private static Result headOfficeFirstSync;
    private static Result agentFirstSync;

    @TempDir
    Path dir;
    private LoopbackMailbox server;
    private CliRun hq;
    private CliRun a01;

    @BeforeAll
    static void prepareStages() throws IOException {
        Path prepared = stages.resolve("prepared");
        Files.createDirectories(prepared.resolve("mailbox"));
        // its mailbox settings have retries off: an unreachable mailbox fails at once, not after the backoff
        CliRun headOffice = new CliRun(SampleHeadOffice.withLoopbackMailbox(prepared.resolve("hq")), CLOCK);
        ok(headOffice, "hq", "prepare-agent", "A01", "--out", prepared.resolve("a01").toString());

        Path published = copy(prepared, stages.resolve("published"));
        try (LoopbackMailbox s = serve(published)) {
            headOfficeFirstSync = sincro(published.resolve("hq")).run("sync");
        }
        Path collected = copy(published, stages.resolve("collected"));
        try (LoopbackMailbox s = serve(collected)) {
            agentFirstSync = sincro(collected.resolve("a01")).run("sync");
        }
        Path received = copy(collected, stages.resolve("received"));
        try (LoopbackMailbox s = serve(received)) {
            CliRun agent = sincro(received.resolve("a01"));
            ok(agent, "order", "new", "--customer", "C00001");
            ok(agent, "order", "add-line", "1", "P00001", "10");
            ok(agent, "order", "submit", "1");
            ok(agent, "sync");
            ok(sincro(received.resolve("hq")), "sync");
        }
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void syncAtTheHeadOfficeThenAtAnAgentExitsZeroAndSaysWhatWasSentAndReceived() {
        assertThat(headOfficeFirstSync.exitCode()).as(headOfficeFirstSync.toString()).isZero();
        assertThat(headOfficeFirstSync.out()).as(headOfficeFirstSync.toString())
                .contains("Sent 4 packages:\n")
                .containsPattern("\n  HQ_catalog_000000001\\.sincro  full, \\d+ bytes, to SincroSede\n")
                .containsPattern("\n  HQ_to_A01_000000001\\.sincro  full, \\d+ bytes, to SincroSede/A01\n")
                .contains("Received nothing new.\n", "Outbound queue: empty.\n", "Sync finished in ");
        assertThat(agentFirstSync.exitCode()).as(agentFirstSync.toString()).isZero();
        assertThat(agentFirstSync.out()).as(agentFirstSync.toString())
                .contains("Received 2 packages:\n"
                        + "  HQ_catalog_000000001.sincro  full, 1282 rows: priceLists 2 new; products 320 new;"
                        + " priceListRows 640 new; stock 320 new\n"
                        + "  HQ_to_A01_000000001.sincro  full, 154 rows: customers 22 new; specialPrices 132 new\n")
                .containsPattern("Sent 1 package:\n  A01_to_HQ_000000001\\.sincro  delta, \\d+ bytes, to SincroAg/A01\n")
                .contains("Outbound queue: empty.\n", "Sync finished in ");
        assertThat(headOfficeFirstSync.err() + agentFirstSync.err()).isEmpty();
    }

    @Test
    void syncCheckAtAnAgentListsTheWaitingPackagesAndAppliesNothing() {
        start("published");
        String holdsBefore = holds(ok(a01, "status"));

        Result check = ok(a01, "sync", "--check");

        assertThat(check.out()).as(check.toString()).isEqualTo("""
                2 packages wait in the mailbox; sincro sync imports them:
                  HQ_catalog_000000001.sincro
                  HQ_to_A01_000000001.sincro
                Outbound queue: empty.
                """);
        assertThat(holds(ok(a01, "status"))).isEqualTo(holdsBefore)
                .isEqualTo("1 agent, 0 customers, 0 products, 0 price-list rows, 0 special prices, 0 stock rows, 0 orders");
        assertThat(dir.resolve("mailbox/SincroSede/A01/HQ_to_A01_000000001.sincro")).exists();
        assertThat(dir.resolve("mailbox/SincroSede/HQ_catalog_000000001.sincro")).exists();
    }

    @Test
    void syncCheckAtTheHeadOfficeListsTheAgentsPackagesAndAppliesNothing() {
        start("collected");

        Result check = ok(hq, "sync", "--check");

        assertThat(check.out()).as(check.toString()).isEqualTo("""
                1 package waits in the mailbox; sincro sync imports it:
                  A01_to_HQ_000000001.sincro
                Outbound queue: empty.
                """);
        assertThat(dir.resolve("mailbox/SincroAg/A01/A01_to_HQ_000000001.sincro")).exists();
        assertThat(ok(hq, "log", "--format", "csv").out()).doesNotContain(",received,");
    }

    @Test
    void syncFullAtAnAgentHasTheHeadOfficesNextSyncSendItsDataInFull() {
        start("received");
        ok(a01, "order", "new", "--customer", "C00002");

        Result asked = ok(a01, "sync", "--full");
        Result answered = ok(hq, "sync");
        Result received = ok(a01, "sync");

        assertThat(asked.out()).as(asked.toString())
                .startsWith("Asked the head office for the catalog and this agent's data in full: the request goes with"
                        + " this sync, the head office's next sync sends them, and the sync after that imports them;"
                        + " nothing made at this station is lost.\n")
                .containsPattern("Sent 2 packages:\n  A01_to_HQ_\\d{9}\\.sincro  delta, ");
        assertThat(answered.out()).as(answered.toString())
                .containsPattern("\n  HQ_catalog_000000002\\.sincro  full, ")
                .containsPattern("\n  HQ_to_A01_\\d{9}\\.sincro  full, ");
        assertThat(received.out()).as(received.toString())
                .containsPattern("\n  HQ_catalog_000000002\\.sincro  full, 1282 rows")
                .containsPattern("\n  HQ_to_A01_\\d{9}\\.sincro  full, ");
        assertThat(ok(a01, "order", "list").out()).contains("A01/000002");
        assertThat(ok(hq, "log").out()).contains("agent A01 asked for HQ_catalog and HQ_to_A01 in full");
    }

    @Test
    void syncFullAtTheHeadOfficeSaysToRepublishAndExits1() {
        start("received");

        Result sync = hq.run("sync", "--full");
        Result both = a01.run("sync", "--full", "--check");

        assertThat(sync.exitCode()).as(sync.toString()).isEqualTo(1);
        assertThat(sync.err()).as(sync.toString()).contains("sync --full is for an agent station",
                "sincro hq republish AGENT");
        assertNoStackTrace(sync);
        assertThat(both.exitCode()).as(both.toString()).isEqualTo(2);
        assertThat(both.err()).as(both.toString()).contains("--full and --check");
    }

    @Test
    void anAgentSyncingBeforeTheHeadOfficePublishedIsToldSoAndExits1() {
        start("prepared");

        Result sync = a01.run("sync");

        assertThat(sync.exitCode()).as(sync.toString()).isEqualTo(1);
        assertThat(sync.err()).as(sync.toString())
                .contains("problem: the head office has not published anything for agent A01 yet (SincroSede/A01 does"
                        + " not exist): the head office must run sincro sync first; then sync this station again\n");
        assertNoStackTrace(sync);
    }

    @Test
    void anUnreachableMailboxIsOneSentenceAndStatusShowsTheQueuedPackageWithItsAttemptAndError() {
        start("collected");
        ok(a01, "order", "new", "--customer", "C00001");
        ok(a01, "order", "add-line", "1", "P00001", "10");
        ok(a01, "order", "submit", "1");
        int port = server.port();
        server.close();

        Result sync = a01.run("sync");

        assertThat(sync.exitCode()).as(sync.toString()).isEqualTo(1);
        assertThat(sync.err().lines().filter(line -> line.startsWith("problem: "))).as(sync.toString())
                .singleElement().asString()
                .startsWith("problem: A01_to_HQ_000000002.sincro was not sent (attempt 1): connection to ftp://sincro@"
                        + "127.0.0.1:" + port + " failed")
                .contains("nothing accepted the connection", "check ftp.host and ftp.port");
        assertNoStackTrace(sync);
        Result status = ok(a01, "status");
        assertThat(status.out()).as(status.toString())
                .contains("Outbound queue: 1 package waiting to be sent\n")
                .containsPattern("\n  A01_to_HQ_000000002\\.sincro  written [-0-9]+ [0-9:]+ UTC, \\d+ bytes, 1 attempt, last"
                        + " [-0-9]+ [0-9:]+ UTC: A01_to_HQ_000000002\\.sincro was not sent \\(attempt 1\\): connection to"
                        + " ftp://sincro@127\\.0\\.0\\.1:\\d+ failed: nothing accepted the connection");
        assertThat(ok(a01, "order", "status", "1").out()).contains("waiting in the outbound queue");

        // the server is back (on another port): the same package leaves under its number
        serve();
        Result retried = ok(a01, "sync");
        assertThat(retried.out()).as(retried.toString())
                .containsPattern("  A01_to_HQ_000000002\\.sincro  delta, \\d+ bytes, to SincroAg/A01, attempt 2\n");
        assertThat(ok(a01, "status").out()).contains("Outbound queue: empty\n");
        assertThat(ok(a01, "order", "status", "1").out()).contains("sent to the head office");
    }

    @Test
    void aPackageDamagedInTransitIsListedWithWhatToDoAndDiscardingItHasTheHeadOfficeSendItAgain() throws IOException {
        start("published");
        Path served = dir.resolve("mailbox/SincroSede/A01/HQ_to_A01_000000001.sincro");
        byte[] bytes = Files.readAllBytes(served);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(served, bytes);
        assertThat(a01.run("sync").exitCode()).isEqualTo(1);

        Result listed = ok(a01, "packages");
        Result unasked = a01.run("packages", "discard", "HQ_to_A01_000000001.sincro");
        Result discarded = ok(a01, "packages", "discard", "HQ_to_A01_000000001.sincro", "--yes");
        TestClock later = TestClock.at("2026-03-02T11:00:00Z");
        Result resent = ok(sincro(dir.resolve("hq"), later), "sync");
        Result imported = ok(sincro(dir.resolve("a01"), later), "sync");

        assertThat(listed.out()).as(listed.toString())
                .contains("In the mailbox for this station: none\n", "In the outbound queue: none\n",
                        "Set aside in rejected/: 1\n  HQ_to_A01_000000001.sincro\n    why:  HQ_to_A01_000000001.sincro"
                                + " was refused (")
                .contains("    next: ask the head office to send it again", "sincro packages retry HQ_to_A01_000000001.sincro");
        assertThat(unasked.exitCode()).as(unasked.toString()).isEqualTo(1);
        assertThat(unasked.err()).as(unasked.toString()).contains("add --yes to discard it without asking");
        assertThat(discarded.out()).as(discarded.toString()).contains("HQ_to_A01_000000001.sincro was discarded from"
                + " SincroSede/A01; the head office sends it again at its next sync that finds it gone");
        assertThat(resent.out()).as(resent.toString()).contains("HQ_to_A01_000000001.sincro");
        assertThat(imported.out()).as(imported.toString()).contains("HQ_to_A01_000000001.sincro  full, 154 rows");
        assertThat(ok(a01, "packages").out()).contains("Set aside in rejected/: none\n");
        assertThat(ok(a01, "log", "--format", "csv").out()).contains(",discarded,");
    }

    @Test
    void republishSendsAnAgentsDataInFullAtTheNextSync() {
        start("collected");

        Result republish = ok(hq, "hq", "republish", "A01");
        Result sync = ok(hq, "sync");
        Result unknown = hq.run("hq", "republish", "A09");
        Result nothing = hq.run("hq", "republish");

        assertThat(republish.out()).as(republish.toString()).isEqualTo("Agent A01's data will be sent in full by the next"
                + " sync (sincro sync), and the packages it replaces leave the mailbox.\n");
        assertThat(sync.out()).as(sync.toString()).containsPattern("HQ_to_A01_000000002\\.sincro  full, \\d+ bytes");
        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(1);
        assertThat(unknown.err().strip()).isEqualTo("sincro: agent A09 is not in the company database; sincro hq agents"
                + " lists the agents");
        assertThat(nothing.exitCode()).as(nothing.toString()).isEqualTo(2);
    }

    @Test
    void agentsCheckFlagsAStuckAgentAndOnesThatNeverSyncedAndExits1() throws IOException {
        start("collected");
        Path served = dir.resolve("mailbox/SincroAg/A01/A01_to_HQ_000000001.sincro");
        byte[] bytes = Files.readAllBytes(served);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(served, bytes);
        assertThat(hq.run("sync").exitCode()).isEqualTo(1);

        Result check = hq.run("hq", "agents", "--check");

        assertThat(check.exitCode()).as(check.toString()).isEqualTo(1);
        assertThat(check.out()).as(check.toString()).contains("A01");
        assertThat(check.err()).as(check.toString())
                .contains("sincro: agent A01 stuck: A01_to_HQ_000000001.sincro set aside")
                .contains("sincro: agent A02 never synced");
    }

    @Test
    void agentsCheckPassesWhenEveryAgentIsUpToDateAndFlagsOneOverdue() {
        start("received");
        CliRun soon = sincro(dir.resolve("hq"), TestClock.at("2026-03-03T08:00:00Z"));
        CliRun later = sincro(dir.resolve("hq"), TestClock.at("2026-03-12T08:00:00Z"));

        Result fine = soon.run("hq", "agents", "--check");
        Result overdue = later.run("hq", "agents", "--check");

        assertThat(fine.err()).as(fine.toString()).doesNotContain("agent A01");
        assertThat(overdue.exitCode()).as(overdue.toString()).isEqualTo(1);
        assertThat(overdue.err()).as(overdue.toString()).contains("sincro: agent A01 overdue: its last package arrived"
                + " 10 days ago (sync.maxAgeDays is 3)");
    }

    @Test
    void retryOfAPackageThatIsNotSetAsideSaysSoAndExits1() {
        start("published");

        Result retry = a01.run("packages", "retry", "HQ_to_A01_000000001.sincro");

        assertThat(retry.exitCode()).as(retry.toString()).isEqualTo(1);
        assertThat(retry.err()).as(retry.toString()).contains("HQ_to_A01_000000001.sincro is not set aside in");
        assertNoStackTrace(retry);
    }

    @Test
    void theHeadOfficesShipmentReachesTheAgentsOrderStatusWithItsDeliveryDateTimeAndReason() {
        start("received");
        TestClock afternoon = TestClock.at("2026-03-02T15:00:00Z");
        CliRun headOffice = sincro(dir.resolve("hq"), afternoon);
        CliRun agent = sincro(dir.resolve("a01"), afternoon);

        Result set = ok(headOffice, "hq", "order-status", "A01/1", "shipped", "--expected-delivery", "2026-12-24",
                "--reason", "two boxes, the third follows");
        afternoon.advance(Duration.ofHours(3));
        ok(headOffice, "sync");
        ok(agent, "sync");

        assertThat(set.out()).isEqualTo("Order A01/000001 is now shipped (two boxes, the third follows), expected"
                + " delivery 2026-12-24; the agent learns it at its next sync.\n");
        assertThat(ok(agent, "order", "status", "1").out()).isEqualTo("Order A01/000001 for customer C00001 of"
                + " 2026-03-02: shipped; delivery expected on 2026-12-24; the head office notes: two boxes, the third"
                + " follows (since 2026-03-02 15:00 UTC, set by HQ).\n");
    }

    @Test
    void aStatusTheOrderMayNotTakeExitsOneListingTheStatusesItMayTakeNow() {
        start("received");

        Result cancelled = hq.run("hq", "order-status", "A01/1", "cancelled");

        assertThat(cancelled.exitCode()).as(cancelled.toString()).isEqualTo(1);
        assertThat(cancelled.err()).isEqualTo("sincro: order A01/000001 is received: the head office may set it to"
                + " received (again, to correct the reason or expected delivery), accepted, rejected or shipped;"
                + " 'cancelled' is not a status; run sincro hq order-status A01/000001 again with one of those\n");
    }

    @Test
    void aHeadOfficeRestoredFromABackupSaysSoInSyncAndStatusAndGetsTheAgentsOrderAgain() throws IOException {
        start("received");
        // the administrator puts back the database folder copied before the agent's order came
        delete(dir.resolve("hq").resolve("database"));
        Templates.copyFolder(stages.resolve("collected").resolve("hq").resolve("database"),
                dir.resolve("hq").resolve("database"));
        CliRun later = sincro(dir.resolve("hq"), TestClock.at("2026-03-02T09:00:00Z"));
        CliRun agentLater = sincro(dir.resolve("a01"), TestClock.at("2026-03-02T09:05:00Z"));

        Result restored = ok(later, "sync");
        Result status = ok(later, "status");
        Result agent = ok(agentLater, "sync");
        Result received = ok(sincro(dir.resolve("hq"), TestClock.at("2026-03-02T09:10:00Z")), "sync");

        assertThat(restored.err()).as(restored.toString()).contains("warning: this station's database is behind what it"
                + " had reached at its last sync (sync.state says HQ_to_A01 written up to 2, now up to 1; A01_to_HQ"
                + " imported up to 2, now up to 0): the database was restored from a backup or made again",
                "carry on after the numbers already used (HQ_to_A01 after 2)", "every agent gets a full package");
        assertThat(restored.out()).contains("HQ_to_A01_000000003.sincro  full");
        assertThat(status.out()).as(status.toString()).contains("Restored:     2026-03-02 ").contains("this station's"
                + " database is behind what it had reached");
        assertThat(agent.err()).as(agent.toString()).contains("warning: HQ_to_A01_", "the head office had acknowledged"
                + " package 2 before: its database went back");
        assertThat(received.out()).as(received.toString()).contains("orders 1 new");
        assertThat(ok(later, "hq", "orders", "list").out()).containsOnlyOnce("A01/000001");
    }

    @Test
    void logListsThePackagesASyncSentAndReceived() {
        start("collected");

        Result agentLog = ok(a01, "log", "--format", "csv");
        Result headOfficeLog = ok(hq, "log", "--format", "csv");

        assertThat(agentLog.out().lines()).as(agentLog.toString())
                .first().isEqualTo("time,event,outcome,package,detail");
        assertThat(agentLog.out()).as(agentLog.toString())
                .containsPattern(",sent,ok,A01_to_HQ_000000001\\.sincro,\"delta, \\d+ bytes, to SincroAg/A01\"\n")
                .contains(",received,ok,HQ_catalog_000000001.sincro,\"full, 1282 rows:")
                .contains(",received,ok,HQ_to_A01_000000001.sincro,\"full, 154 rows: customers 22 new; specialPrices 132"
                        + " new\"\n")
                .contains(",removed,ok,HQ_to_A01_000000001.sincro,imported; removed from SincroSede/A01\n")
                .contains(",sync,ok,,\"1 sent, 2 received, 1 removed from the mailbox, 0 still in the outbound queue\"\n");
        assertThat(headOfficeLog.out()).as(headOfficeLog.toString())
                .containsPattern(",sent,ok,HQ_catalog_000000001\\.sincro,\"full, \\d+ bytes, to SincroSede\"\n")
                .containsPattern(",sent,ok,HQ_to_A01_000000001\\.sincro,\"full, \\d+ bytes, to SincroSede/A01\"\n");
        Result table = ok(a01, "log", "--last", "3");
        assertThat(table.out().lines()).as(table.toString()).hasSize(4)
                .first().asString().startsWith("time").contains("event", "outcome", "package", "detail");
    }

    @Test
    void theHelpSaysWhatSyncDoesForBothRoles() {
        CliRun anywhere = new CliRun(stages, CLOCK);

        Result help = ok(anywhere, "--help");
        Result syncHelp = ok(anywhere, "sync", "--help");

        assertThat(help.out()).containsPattern("\n  sync +Exchanges packages with the mailbox for this station's\\s+role");
        assertThat(syncHelp.out()).startsWith("Usage: sincro sync").contains("--check", "At the head office:",
                "At an agent station:");
    }

    // --- helpers -------------------------------------------------------------------------------

    /** This test's stations and mailbox: a copy of {@code stage}, served on a port of its own. */
    private void start(String stage) {
        copy(stages.resolve(stage), dir);
        serve();
        hq = sincro(dir.resolve("hq"));
        a01 = sincro(dir.resolve("a01"));
    }

    private void serve() {
        server = serve(dir);
    }

    /** Serves {@code root}/mailbox and points both stations' settings at it. */
    private static LoopbackMailbox serve(Path root) {
        LoopbackMailbox started = LoopbackMailbox.serve(root.resolve("mailbox"), LoopbackStations.USER,
                LoopbackStations.PASSWORD);
        started.pointAt(root.resolve("hq"), root.resolve("a01"));
        return started;
    }

    private static CliRun sincro(Path station) {
        return sincro(station, CLOCK);
    }

    private static CliRun sincro(Path station, Clock clock) {
        return new CliRun(station, clock, Map.of("SINCRO_FTP_PASSWORD", LoopbackStations.PASSWORD));
    }

    private static Result ok(CliRun sincro, String... args) {
        Result result = sincro.run(args);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result;
    }

    private static String holds(Result status) {
        return status.out().lines().filter(line -> line.startsWith("Holds:")).map(line -> line.substring(6).strip())
                .findFirst().orElseThrow(() -> new AssertionError("no Holds line in\n" + status));
    }

    private static void assertNoStackTrace(Result result) {
        assertThat(result.out() + result.err()).as(result.toString())
                .doesNotContain("Exception", "\tat ", "Caused by");
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private static Path copy(Path from, Path to) {
        Templates.copyFolder(from, to);
        return to;
    }
}
