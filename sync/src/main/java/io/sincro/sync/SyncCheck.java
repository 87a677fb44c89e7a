package io.sincro.sync;

import java.util.List;

import io.sincro.sync.ledger.ExportedPackage;

/**
 * What {@code sync --check} found, having applied nothing (seed 001: an update is announced, the
 * user decides when to take it).
 *
 * @param waiting the packages in the mailbox this station has not imported yet, in import order
 * @param queued  the packages this station wrote and has not uploaded yet
 * @param notes   what else the user should know (the head office has not published yet, a folder is missing)
 */
public record SyncCheck(List<String> waiting, List<ExportedPackage> queued, List<String> notes) {

    public SyncCheck {
        waiting = List.copyOf(waiting);
        queued = List.copyOf(queued);
        notes = List.copyOf(notes);
    }
}
