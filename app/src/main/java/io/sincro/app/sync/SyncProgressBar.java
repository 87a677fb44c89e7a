package io.sincro.app.sync;

import java.io.PrintWriter;

import io.sincro.sync.SyncProgress;

/**
 * Shows each transfer and import on a terminal, one line rewritten in place; says nothing when the
 * output is not a terminal (a script, a log), where progress lines would only be noise.
 */
final class SyncProgressBar implements SyncProgress {

    private final PrintWriter err;
    private int lastLength;

    private SyncProgressBar(PrintWriter err) {
        this.err = err;
    }

    /** The progress line on {@code err} when it is a terminal, else nothing. */
    static SyncProgress forTerminal(PrintWriter err, boolean terminal) {
        return terminal ? new SyncProgressBar(err) : SyncProgress.NONE;
    }

    @Override
    public void uploading(String packageName, long bytes) {
        show("sending " + packageName + " (" + size(bytes) + ")");
    }

    @Override
    public void downloading(String packageName, long bytes) {
        show("fetching " + packageName + (bytes >= 0 ? " (" + size(bytes) + ")" : ""));
    }

    @Override
    public void importing(String packageName, long rows) {
        show("importing " + packageName + " (" + rows + (rows == 1 ? " row)" : " rows)"));
    }

    @Override
    public void done() {
        show("");
    }

    private void show(String text) {
        StringBuilder line = new StringBuilder("\r").append(text);
        for (int i = text.length(); i < lastLength; i++) {
            line.append(' ');
        }
        if (text.isEmpty()) {
            line.append('\r');
        }
        lastLength = text.length();
        err.print(line);
        err.flush();
    }

    private static String size(long bytes) {
        return bytes < 10_000 ? bytes + " bytes" : bytes < 10_000_000 ? bytes / 1000 + " kB" : bytes / 1_000_000 + " MB";
    }
}
