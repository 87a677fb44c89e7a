package io.sincro.office.imports;

import java.nio.file.Path;

/**
 * What loading one file did. {@code removed} counts price-list rows the file no longer holds,
 * {@code conflicts} the agents' edits of special prices that a back-end change replaced.
 */
public record ImportSummary(ImportKind kind, Path file, long rows, long inserted, long updated, long unchanged,
        long removed, long conflicts) {

    @Override
    public String toString() {
        String text = kind + " from " + file.getFileName() + ": " + rows + (rows == 1 ? " row, " : " rows, ")
                + inserted + " new, " + updated + " updated, " + unchanged + " unchanged";
        if (removed > 0) {
            text += ", " + removed + " removed";
        }
        if (conflicts > 0) {
            text += "; the back-end's change replaced " + conflicts + (conflicts == 1 ? " agent's edit" : " agents' edits")
                    + ", kept as " + (conflicts == 1 ? "a conflict" : "conflicts") + " (sincro conflicts)";
        }
        return text;
    }
}
