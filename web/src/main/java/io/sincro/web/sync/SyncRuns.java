package io.sincro.web.sync;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sincro.sync.SyncReport;
import io.sincro.web.page.WebStation;

/**
 * The station's syncs started from the pages, one at a time, each on a thread of its own so the
 * page can show its progress meanwhile.
 */
final class SyncRuns {

    private static final Logger log = LoggerFactory.getLogger(SyncRuns.class);

    private final WebStation station;
    private LiveProgress progress;
    private boolean running;
    private SyncReport report;
    private String failure;

    SyncRuns(WebStation station) {
        this.station = station;
    }

    /** Starts a sync unless one runs; returns whether it started one. */
    synchronized boolean start() {
        if (running) {
            return false;
        }
        running = true;
        report = null;
        failure = null;
        LiveProgress live = new LiveProgress();
        progress = live;
        Thread thread = new Thread(() -> run(live), "sincro-ui-sync");
        thread.setDaemon(true);
        thread.start();
        return true;
    }

    synchronized SyncView view() {
        return new SyncView(running, progress == null ? List.of() : progress.steps(), report, failure);
    }

    private void run(LiveProgress live) {
        SyncReport done = null;
        String failed = "the sync stopped without a report; the terminal running sincro ui says why,"
                + " and the next sync tries again";
        try {
            done = station.sync(live);
            failed = null;
        } catch (RuntimeException e) {
            // the sync reports its own failures; this is what stopped it from starting (settings, the mailbox)
            log.error("the sync started from the pages could not run", e);
            failed = e.getMessage();
        } finally {
            // an Error too ends the run: the page must not say "running" for ever
            synchronized (this) {
                report = done;
                failure = failed;
                running = false;
            }
        }
    }
}
