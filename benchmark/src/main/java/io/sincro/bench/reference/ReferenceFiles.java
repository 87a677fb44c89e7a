package io.sincro.bench.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/**
 * The rows of one agent's first sync, one CSV file per table, in the order the tables load.
 *
 * @param rows the rows the sync brings: those of the tables it fills, without the tables the station
 *             derives from them
 */
record ReferenceFiles(String agentCode, List<TableFile> tables, long rows) {

    ReferenceFiles {
        tables = List.copyOf(tables);
    }

    long bytes() {
        long total = 0;
        for (TableFile table : tables) {
            try {
                total += Files.size(table.file());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return total;
    }
}
