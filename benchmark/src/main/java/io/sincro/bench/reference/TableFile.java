package io.sincro.bench.reference;

import java.nio.file.Path;
import java.util.List;

/**
 * One table's rows as Derby's export writes them, ready for its bulk import.
 *
 * @param table     the table, as Derby names it (PRODUCT)
 * @param columns   the columns the file holds, in the table's order; generated columns are left
 *                  out, Derby computes them
 * @param generated whether the table has generated columns: then the import must name the columns
 */
record TableFile(String table, Path file, List<String> columns, boolean generated, long rows) {

    TableFile {
        columns = List.copyOf(columns);
    }
}
