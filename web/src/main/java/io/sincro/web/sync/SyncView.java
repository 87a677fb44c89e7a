package io.sincro.web.sync;

import java.util.List;

import io.sincro.sync.SyncReport;

/**
 * The Sync page: the steps of the run under way or last run, and once it is over its summary.
 *
 * @param running whether a sync runs now
 * @param report the last run's summary (null while running, or before any)
 * @param failure why the last run could not run at all (null when it ran)
 */
public record SyncView(boolean running, List<PackageStep> steps, SyncReport report, String failure) {

    /** Whether anything ran since the pages opened. */
    public boolean started() {
        return running || report != null || failure != null;
    }
}
