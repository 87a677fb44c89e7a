package io.sincro.db.changes;

import java.time.Instant;
import java.util.Objects;

/**
 * A deletion that must reach the other side: which row (kind and key), which stream carries it
 * ({@code scope}: the agent it concerns, or {@link #CATALOG} for the shared catalog), its change
 * number (0 when it was received and must not travel back), and when and by whom it was deleted
 * (the deletion of a special price competes with edits by "most recent wins").
 */
public record Tombstone(Kind kind, String key, String secondKey, String scope, long changeSeq,
                        Instant deletedAt, String deletedBy) {

    /** The scope of deletions every agent receives: rows of the shared catalog. */
    public static final String CATALOG = "*";

    /** What was deleted, with the key parts each kind uses. */
    public enum Kind {
        /** key: customer code; a customer removed or reassigned away from the scope's agent. */
        CUSTOMER,
        /** key: price list code, second key: product code. */
        PRICE_LIST_ROW,
        /** key: product code. */
        STOCK,
        /** key: customer code, second key: product code. */
        SPECIAL_PRICE
    }

    public Tombstone {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(secondKey, "secondKey");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(deletedAt, "deletedAt");
        Objects.requireNonNull(deletedBy, "deletedBy");
    }
}
