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
import io.sincro.db.testing.TestClock;
import io.sincro.exchange.testing.SmallDisk;

/**
 * Agent A01's database folder made read-only for real (bound onto itself read-only, as a
 * write-protected disk is): Derby opens it read-only and refuses the first change; the sentence
 * says the disk holding the database is read-only, and the sync works once it is writable again.
 */
class ReadOnlyDatabaseTest {

    private static final TestClock CLOCK = TestClock.at("2026-03-02T09:00:00Z");

    @TempDir
    Path dir;
    private Path database;
    private boolean mounted;
    private LoopbackStations mailbox;

    @BeforeEach
    void anAgentWithAnOrderToSend() {
        SmallDisk.requireRoot("mounting a folder read-only");
        ExchangedStations.copyTo(dir);
        Path a01 = dir.resolve(ExchangedStations.AGENT);
        database = a01.resolve("database");
        mailbox = LoopbackStations.serve(dir.resolve(ExchangedStations.MAILBOX), CLOCK,
                dir.resolve(ExchangedStations.HEAD_OFFICE), a01);
        CliRun agent = mailbox.at(a01);
        ok(agent, "order", "new", "--customer", "C00001");
        ok(agent, "order", "add-line", "A01/000001", "P00001", "3");
        ok(agent, "order", "submit", "A01/000001");
    }

    @AfterEach
    void release() {
        if (mounted) {
            SmallDisk.run("umount", "-l", database.toString());
        }
        if (mailbox != null) {
            mailbox.close();
        }
    }

    @Test
    void aReadOnlyDatabaseFolderIsSaidWithThePlaceAndTheFixAndTheNextSyncSendsTheOrder() {
        readOnly(database);
        CliRun agent = mailbox.at(dir.resolve(ExchangedStations.AGENT));

        Result sync = agent.run("sync");

        assertThat(sync.exitCode()).as(sync.toString()).isEqualTo(1);
        assertThat(sync.err()).as(sync.toString()).contains("the disk of this computer that holds " + database.resolve("sincro.lock")
                + " is read-only; make it writable (or move the station folder to a disk that is), then run sincro"
                + " sync again").doesNotContain("SQLState", "defect");
        Result doctor = agent.run("doctor");
        assertThat(doctor.exitCode()).as(doctor.toString()).isEqualTo(1);
        assertThat(doctor.out()).containsPattern("(?m)^problem +database folder +the disk of this computer that holds "
                + database + " is read-only");

        assertThat(SmallDisk.run("umount", database.toString()).code()).isZero();
        mounted = false;
        ok(agent, "sync");
        CliRun headOffice = mailbox.at(dir.resolve(ExchangedStations.HEAD_OFFICE));
        ok(headOffice, "sync");
        assertThat(ok(headOffice, "status").out()).containsPattern("(?m) 1 order$");
    }

    private void readOnly(Path folder) {
        SmallDisk.Result bound = SmallDisk.run("mount", "--bind", folder.toString(), folder.toString());
        assertThat(bound.code()).as(bound.output()).isZero();
        mounted = true;
        SmallDisk.Result readOnly = SmallDisk.run("mount", "-o", "remount,bind,ro", folder.toString());
        assertThat(readOnly.code()).as(readOnly.output()).isZero();
    }

    private static Result ok(CliRun sincro, String... args) {
        Result result = sincro.run(args);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result;
    }
}
