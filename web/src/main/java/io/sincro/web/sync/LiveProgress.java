package io.sincro.web.sync;

import java.util.ArrayList;
import java.util.List;

import io.sincro.sync.SyncProgress;

/**
 * What a running sync has told so far, package by package, for the page to show while it runs:
 * called on the syncing thread, read by the page's requests.
 */
final class LiveProgress implements SyncProgress {

    private final List<PackageStep> steps = new ArrayList<>();

    @Override
    public synchronized void uploading(String packageName, long bytes) {
        steps.add(new PackageStep(packageName, PackageStep.Kind.SENDING, bytes, -1, false));
    }

    @Override
    public synchronized void downloading(String packageName, long bytes) {
        steps.add(new PackageStep(packageName, PackageStep.Kind.FETCHING, bytes, -1, false));
    }

    @Override
    public synchronized void importing(String packageName, long rows) {
        steps.add(new PackageStep(packageName, PackageStep.Kind.IMPORTING, -1, rows, false));
    }

    @Override
    public synchronized void done() {
        int last = steps.size() - 1;
        if (last >= 0 && !steps.get(last).done()) {
            steps.set(last, steps.get(last).finished());
        }
    }

    synchronized List<PackageStep> steps() {
        return List.copyOf(steps);
    }
}
