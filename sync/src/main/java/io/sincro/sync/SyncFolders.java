package io.sincro.sync;

import java.nio.file.Path;

/**
 * The folders a station keeps beside its database for the exchange: {@code outbox} (packages
 * written, until the other side has them), {@code inbox} (downloads being checked and imported) and
 * {@code rejected} (refused packages, kept for diagnosis), and the file {@code sync.state} (what
 * the database had reached at the last sync, outside it: {@link LedgerRecord}). Their names are
 * known here only.
 */
record SyncFolders(Path outbox, Path inbox, Path rejected, Path state) {

    static SyncFolders of(Path stationFolder) {
        return new SyncFolders(stationFolder.resolve("outbox"), stationFolder.resolve("inbox"),
                stationFolder.resolve("rejected"), stationFolder.resolve("sync.state"));
    }
}
