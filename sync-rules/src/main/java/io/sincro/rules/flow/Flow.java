package io.sincro.rules.flow;

import java.util.Objects;
import java.util.Set;

import io.sincro.format.Entity;
import io.sincro.format.PackageStream.Direction;

/**
 * One line of the flow table: which streams carry an entity's rows and deletions, which rows go to
 * whom, and what importing them does.
 *
 * @param rowsIn      the streams whose packages carry its rows
 * @param deletionsIn the streams whose packages carry its deletions
 * @param selection   which rows a package holds, in words
 * @param onImport    what importing a row does, in words
 */
public record Flow(Entity entity, Set<Direction> rowsIn, Set<Direction> deletionsIn, String selection, String onImport) {

    public Flow {
        Objects.requireNonNull(entity, "entity");
        rowsIn = Set.copyOf(rowsIn);
        deletionsIn = Set.copyOf(deletionsIn);
        if (!rowsIn.containsAll(deletionsIn)) {
            throw new IllegalArgumentException(entity.section() + ": a stream carrying deletions carries rows too");
        }
    }
}
