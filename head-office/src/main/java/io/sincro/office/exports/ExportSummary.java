package io.sincro.office.exports;

import java.nio.file.Path;

/**
 * What an export wrote: how many customers, special prices or orders, in how many rows (an order
 * takes one row per line), and where (no file when there was nothing).
 */
public record ExportSummary(ExportKind kind, long records, long rows, Path file) {

    @Override
    public String toString() {
        String what = kind.count(records);
        if (kind == ExportKind.ORDERS) {
            what += " (" + rows + (rows == 1 ? " line)" : " lines)");
        }
        return what;
    }
}
