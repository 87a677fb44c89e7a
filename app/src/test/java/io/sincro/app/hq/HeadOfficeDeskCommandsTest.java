package io.sincro.app.hq;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.app.CliRun;
import io.sincro.app.CliRun.Result;
import io.sincro.app.LoopbackStations;
import io.sincro.app.SampleHeadOffice;
import io.sincro.db.testing.TestClock;

/**
 * What the head office's staff see of what arrived: hq orders and hq customers, after a real sync.
 * The commands only read, so every test looks at the same stations, made once.
 */
class HeadOfficeDeskCommandsTest {

    @TempDir
    static Path dir;

    private static final TestClock CLOCK = TestClock.at("2026-03-02T08:00:00Z");
    private static CliRun sincro;

    @BeforeAll
    static void anOrderOfA01Received() {
        sincro = new CliRun(dir, CLOCK);
        SampleHeadOffice.withLoopbackMailbox(dir);
        ok(sincro, "hq", "prepare-agent", "A01", "--out", "a01");
        Path a01 = dir.resolve("a01");
        try (LoopbackStations mailbox = LoopbackStations.serve(dir.resolve("mailbox"), CLOCK, dir, a01)) {
            mailbox.sync(dir, a01);
            CliRun agent = mailbox.at(a01);
            ok(agent, "order", "new", "--customer", "C00001", "--notes", "=before noon");
            ok(agent, "order", "add-line", "1", "P00081", "2");
            ok(agent, "order", "add-line", "1", "P00001", "10");
            ok(agent, "order", "submit", "1");
            CLOCK.advance(Duration.ofHours(1));
            mailbox.sync(a01, dir);
        }
        CLOCK.advance(Duration.ofHours(1));
        ok(sincro, "hq", "order-status", "A01/000001", "shipped", "--expected-delivery", "2026-03-05");
    }

    private static Result ok(CliRun where, String... args) {
        Result result = where.run(args);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result;
    }

    @Test
    void ordersListShowsEachOrderWithItsAgentStatusLinesAndTotal() {
        Result list = ok(sincro, "hq", "orders", "list", "--agent", "A01", "--format", "csv");

        assertThat(list.out().lines()).hasSize(2);
        assertThat(list.out().lines().toList().get(0)).isEqualTo("order,agent,customer,name,date,status,since,lines,total EUR");
        assertThat(list.out().lines().toList().get(1))
                .startsWith("A01/000001,A01,C00001,Utensileria Lombardi s.r.l.,2026-03-02,shipped,2026-03-02 10:00 UTC,2,");
    }

    @Test
    void ordersListWithAFilterNothingMatchesSaysSo() {
        assertThat(ok(sincro, "hq", "orders", "list", "--status", "rejected").out()).isEqualTo("No orders match.\n");
        assertThat(ok(sincro, "hq", "orders", "list", "--from", "2026-03-03").out()).isEqualTo("No orders match.\n");
    }

    @Test
    void ordersShowGivesTheCustomerLinesTotalAndEveryStatusWithItsTimeAndZone() {
        Result show = ok(sincro, "hq", "orders", "show", "A01/000001");

        assertThat(show.out()).contains("Order     A01/000001  shipped, entered by agent A01",
                "Customer  C00001  Utensileria Lombardi s.r.l., VAT 80276251750, Via Greco 57, Monza",
                "Notes     =before noon", "Total     ", "Status history");
        assertThat(show.out().lines().filter(l -> l.startsWith("2026-03-02 ")))
                .extracting(l -> l.replaceAll(" +", " "))
                .containsExactly("2026-03-02 08:00 UTC submitted A01", "2026-03-02 09:00 UTC received HQ",
                        "2026-03-02 10:00 UTC shipped HQ 2026-03-05");
    }

    @Test
    void anOrderTheHeadOfficeDoesNotHoldIsOneSentence() {
        Result result = sincro.run("hq", "orders", "show", "A01/000099");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).contains("order A01/000099 is not at the head office; 'sincro hq orders list'");
    }

    @Test
    void customersShowGivesTheCustomerAndSaysWhenNoAgentSentDifferentData() {
        Result show = ok(sincro, "hq", "customers", "show", "C00001");

        assertThat(show.out()).contains("Customer     C00001  Utensileria Lombardi s.r.l.", "VAT number   80276251750",
                "Agent        A01", "1 order", "No agent sent different data for it.");
    }

    @Test
    void customersListFiltersByAgentAndText() {
        Result list = ok(sincro, "hq", "customers", "list", "--agent", "A01", "--search", "lombardi", "--format", "csv");

        assertThat(list.out().lines()).hasSize(2);
        assertThat(list.out().lines().toList().get(1)).startsWith("C00001,Utensileria Lombardi s.r.l.,80276251750,Monza,A01,head office,");
    }
}
