package io.sincro.rules.conflicts;

import java.time.Instant;
import java.util.Objects;

/**
 * A special price changed on both sides, and how it was decided: {@code kept} is what both sides
 * end up with, {@code lost} the version that gave way, kept here so it is never just dropped.
 * {@code kept} is null when the losing version was refused for another reason (its customer no
 * longer belongs to the agent that edited it) and nothing here replaced it.
 *
 * @param id          0 until stored
 * @param reason      one sentence: why {@code kept} won
 * @param packageName the package whose import decided it
 * @param decidedAt   when, by the deciding station's clock
 */
public record PriceConflict(long id, String customerCode, String productCode, PriceVersion kept, PriceVersion lost,
                            String reason, String packageName, Instant decidedAt) {

    public PriceConflict {
        Objects.requireNonNull(customerCode, "customerCode");
        Objects.requireNonNull(productCode, "productCode");
        Objects.requireNonNull(lost, "lost");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(decidedAt, "decidedAt");
    }

    public PriceConflict withId(long newId) {
        return new PriceConflict(newId, customerCode, productCode, kept, lost, reason, packageName, decidedAt);
    }
}
