package io.sincro.format;

import java.util.Objects;

/** In a package's header: how many rows and deletions one section holds. */
public record EntityCount(Entity entity, long rows, long deletions) {

    public EntityCount {
        Objects.requireNonNull(entity, "entity");
        if (rows < 0 || deletions < 0) {
            throw new IllegalArgumentException("counts are 0 or more, not " + rows + " rows and " + deletions
                    + " deletions of " + entity.section());
        }
    }

    public long total() {
        return rows + deletions;
    }
}
