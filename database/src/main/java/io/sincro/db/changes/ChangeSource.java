package io.sincro.db.changes;

/**
 * Where a write comes from, which decides whether it travels to the other side.
 */
public enum ChangeSource {
    /**
     * Made at this station (a user, a CSV import): the row is stamped with a new change number, so
     * the next package to the other side carries it.
     */
    LOCAL,
    /**
     * Applied from the other side's package: the row keeps the change number it had, so it is not
     * sent back where it came from.
     */
    RECEIVED
}
