package io.sincro.app.failures;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.sincro.app.CliRun;
import io.sincro.app.CliRun.Result;
import io.sincro.app.ExchangedStations;
import io.sincro.app.LoopbackStations;
import io.sincro.db.testing.Templates;
import io.sincro.db.testing.TestClock;
import io.sincro.exchange.testing.SmallDisk;

/**
 * A station on a small disk of its own (tmpfs), filled for real while the sync writes a package or
 * Derby writes what it received: the sentence names the full disk, where, and what to do; nothing is
 * lost, and the first sync once there is room again finishes the job.
 */
class StationDiskFullTest {

    private static final TestClock CLOCK = TestClock.at("2026-03-02T09:00:00Z");

    @TempDir
    Path dir;
    private SmallDisk disk;
    private LoopbackStations mailbox;
    private Path hq;

    @BeforeEach
    void stationsWithAgentOnASmallDisk() {
        ExchangedStations.copyTo(dir);
        hq = dir.resolve(ExchangedStations.HEAD_OFFICE);
        disk = SmallDisk.mount(dir.resolve("disk"), 8);
    }

    @AfterEach
    void release() {
        if (mailbox != null) {
            mailbox.close();
        }
        if (disk != null) {
            disk.close();
        }
    }

    @Test
    void aFullDiskWhileThePackageIsWrittenIsSaidAsSuchAndTheOrderTravelsOnceThereIsRoom() {
        Path a01 = disk.folder().resolve("a01");
        Templates.copyFolder(dir.resolve(ExchangedStations.AGENT), a01);
        mailbox = LoopbackStations.serve(dir.resolve(ExchangedStations.MAILBOX), CLOCK, hq, a01);
        CliRun agent = mailbox.at(a01);
        ok(agent, "order", "new", "--customer", "C00001");
        ok(agent, "order", "add-line", "A01/000001", "P00001", "3");
        ok(agent, "order", "submit", "A01/000001");
        disk.fillLeaving(8 * 1024);

        Result full = agent.run("sync");

        assertThat(full.exitCode()).as(full.toString()).isEqualTo(1);
        assertThat(full.err()).as(full.toString())
                .contains("the disk of this computer that holds " + a01 + " is full (",
                        "free space on it", "then run sincro sync again")
                .doesNotContain("defect", "Exception");
        assertThat(ok(agent, "order", "status", "A01/000001").out()).contains("waiting in the outbound queue");
        Result doctor = agent.run("doctor");
        assertThat(doctor.exitCode()).as(doctor.toString()).isEqualTo(1);
        assertThat(doctor.out()).as(doctor.toString()).containsPattern("(?m)^problem +station folder +the disk of this"
                + " computer that holds " + a01 + " is full");

        disk.empty();
        ok(agent, "sync");
        ok(mailbox.at(hq), "sync");
        assertThat(ok(mailbox.at(hq), "status").out()).containsPattern("(?m) 1 order$");
    }

    /**
     * The disk fills at different points of the first sync's receive as less is left: while the
     * package is downloaded (16 KB), while Derby writes a page or makes a table's file (96, 400 KB).
     */
    @ParameterizedTest(name = "{0} KB left")
    @ValueSource(ints = {16, 96, 400})
    void aFullDiskWhileAPackageIsReceivedIsSaidAsSuchAndTheNextSyncAfterwardsImportsEverything(int kilobytes) {
        Path fresh = disk.folder().resolve("a01");
        // the head office prepares A01 again (a new laptop): its first sync imports the whole catalog
        ok(new CliRun(hq, CLOCK), "hq", "prepare-agent", "A01", "--out", fresh.toString());
        mailbox = LoopbackStations.serve(dir.resolve(ExchangedStations.MAILBOX), CLOCK, hq, fresh);
        ok(mailbox.at(hq), "sync");
        disk.fillLeaving(kilobytes * 1024L);

        Result full = mailbox.at(fresh).run("sync");

        assertThat(full.exitCode()).as(full.toString()).isEqualTo(1);
        assertThat(full.err()).as(full.toString())
                .contains("the disk of this computer that holds " + fresh, " is full (", "free space on it",
                        "then run sincro sync again")
                .doesNotContain("defect", "SQLState", "Log Record");

        disk.empty();
        ok(mailbox.at(fresh), "sync");
        assertThat(ok(mailbox.at(fresh), "status").out()).contains("320 products");
    }

    private static Result ok(CliRun sincro, String... args) {
        Result result = sincro.run(args);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result;
    }
}
