package io.sincro.office.imports;

import java.nio.file.Path;

/** What loading one file did. {@code removed} counts price-list rows the file no longer holds. */
public record ImportSummary(ImportKind kind, Path file, long rows, long inserted, long updated, long unchanged,
        long removed) {

    @Override
    public String toString() {
        String text = kind + " from " + file.getFileName() + ": " + rows + " rows, " + inserted + " new, "
                + updated + " updated, " + unchanged + " unchanged";
        return removed > 0 ? text + ", " + removed + " removed" : text;
    }
}
