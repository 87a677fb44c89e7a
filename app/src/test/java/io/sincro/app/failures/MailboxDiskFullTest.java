package io.sincro.app.failures;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.app.CliRun;
import io.sincro.app.CliRun.Result;
import io.sincro.app.ExchangedStations;
import io.sincro.app.LoopbackStations;
import io.sincro.db.testing.Templates;
import io.sincro.db.testing.TestClock;
import io.sincro.exchange.testing.SmallDisk;

/**
 * The mailbox server's disk filled for real during an agent's sync: the embedded FTP server serves
 * a folder on a small disk of its own (tmpfs). The real vsftpd and pure-ftpd meet the same fault in
 * ftp-exchange's ServerDiskFullIT.
 */
class MailboxDiskFullTest {

    private static final TestClock CLOCK = TestClock.at("2026-03-02T09:00:00Z");

    @TempDir
    Path dir;
    private SmallDisk disk;
    private LoopbackStations mailbox;

    @BeforeEach
    void mailboxOnASmallDisk() {
        ExchangedStations.copyTo(dir);
        disk = SmallDisk.mount(dir.resolve("disk"), 2);
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
    void aFullServerDiskIsSaidFirstAndTheOrderGoesWithTheSyncOnceThereIsRoom() {
        Path hq = dir.resolve(ExchangedStations.HEAD_OFFICE);
        Path a01 = dir.resolve(ExchangedStations.AGENT);
        Path served = disk.folder().resolve("mailbox");
        Templates.copyFolder(dir.resolve(ExchangedStations.MAILBOX), served);
        mailbox = LoopbackStations.serve(served, CLOCK, hq, a01);
        CliRun agent = mailbox.at(a01);
        ok(agent, "order", "new", "--customer", "C00001");
        ok(agent, "order", "add-line", "A01/000001", "P00001", "3");
        ok(agent, "order", "submit", "A01/000001");
        disk.fillLeaving(0);

        Result full = agent.run("sync");

        assertThat(full.exitCode()).as(full.toString()).isEqualTo(1);
        assertThat(full.err()).as(full.toString())
                .contains("in SincroAg/A01", "the server could not write the file: most likely its disk is full or"
                        + " user sincro's quota is used up, or else that user may not write in SincroAg/A01; ask the"
                        + " server's administrator for space there")
                .contains("the next sync sends it again");
        assertThat(ok(agent, "status").out()).contains("Outbound queue: 1 package waiting");

        disk.empty();
        ok(agent, "sync");
        ok(mailbox.at(hq), "sync");
        assertThat(ok(mailbox.at(hq), "status").out()).containsPattern("(?m) 1 order$");
    }

    private static Result ok(CliRun sincro, String... args) {
        Result result = sincro.run(args);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result;
    }
}
