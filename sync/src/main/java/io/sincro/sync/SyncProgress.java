package io.sincro.sync;

/**
 * What a sync tells whoever watches it (a progress bar on a terminal, a test), as it goes. Every
 * method is called on the syncing thread; the default does nothing.
 */
public interface SyncProgress {

    SyncProgress NONE = new SyncProgress() {
    };

    /** A package of {@code bytes} starts its upload. */
    default void uploading(String packageName, long bytes) {
    }

    /** A package of {@code bytes} starts its download. */
    default void downloading(String packageName, long bytes) {
    }

    /** A package of {@code rows} rows starts its import. */
    default void importing(String packageName, long rows) {
    }

    /** A package's import committed; it has not left the mailbox yet. */
    default void imported(String packageName) {
    }

    /** The current transfer or import is over. */
    default void done() {
    }
}
