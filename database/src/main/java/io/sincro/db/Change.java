package io.sincro.db;

/** What writing one row did, so imports can report what changed and deltas stay small. */
public enum Change {
    INSERTED, UPDATED, UNCHANGED
}
