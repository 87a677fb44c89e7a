package io.sincro.rules.flow;

import io.sincro.format.Entity;

/**
 * What importing one section did to the database.
 *
 * @param unchanged rows that arrived and were already there as they are
 * @param ignored   rows the rules did not apply: set aside (see the receipt's notes for why), or a
 *                  customer that arrived with different data (see the receipt's differences)
 * @param conflicts rows that lost against a newer version here (kept in the conflict table)
 */
public record EntityTally(Entity entity, long inserted, long updated, long unchanged, long deleted, long ignored,
                          long conflicts) {

    public long total() {
        return inserted + updated + unchanged + deleted + ignored + conflicts;
    }
}
