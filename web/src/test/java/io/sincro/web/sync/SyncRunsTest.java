package io.sincro.web.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.sincro.db.Database;
import io.sincro.sync.SyncCheck;
import io.sincro.sync.SyncProgress;
import io.sincro.sync.SyncReport;
import io.sincro.web.page.WebStation;

/** The syncs the Sync page starts: one at a time, and over however it ended. */
class SyncRunsTest {

    @Test
    void aSyncStoppedByAnErrorEndsTheRunAndSaysSo() throws InterruptedException {
        SyncRuns runs = new SyncRuns(new OverflowingStation());

        assertThat(runs.start()).isTrue();
        awaitTheSyncThread();

        SyncView view = runs.view();
        assertThat(view.running()).isFalse();
        assertThat(view.failure()).isEqualTo("the sync stopped without a report; the terminal running sincro ui says why,"
                + " and the next sync tries again");
        assertThat(runs.start()).as("a new sync may start").isTrue();
        awaitTheSyncThread();
    }

    private static void awaitTheSyncThread() throws InterruptedException {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals("sincro-ui-sync")) {
                thread.join();
            }
        }
    }

    /** A station whose sync overflows the stack for real: an Error, which is no RuntimeException. */
    private static final class OverflowingStation implements WebStation {

        @Override
        public SyncReport sync(SyncProgress progress) {
            return sync(progress);
        }

        @Override
        public Database database() {
            throw new UnsupportedOperationException("no database: only the sync runs");
        }

        @Override
        public Clock clock() {
            return Clock.systemUTC();
        }

        @Override
        public Path folder() {
            throw new UnsupportedOperationException("no folder: only the sync runs");
        }

        @Override
        public String currency() {
            return "EUR";
        }

        @Override
        public int maxAgeDays() {
            return 3;
        }

        @Override
        public Duration clockTolerance() {
            return Duration.ofMinutes(5);
        }

        @Override
        public SyncCheck check() {
            throw new UnsupportedOperationException("no mailbox: only the sync runs");
        }
    }
}
