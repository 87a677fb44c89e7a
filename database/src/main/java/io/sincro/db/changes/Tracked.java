package io.sincro.db.changes;

import java.util.Objects;

/** A row with the change number of its last local change (0: never changed here, or received). */
public record Tracked<T>(T row, long changeSeq) {

    public Tracked {
        Objects.requireNonNull(row, "row");
    }
}
