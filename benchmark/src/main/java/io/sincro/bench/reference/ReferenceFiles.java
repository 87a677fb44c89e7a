package io.sincro.bench.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/** The rows of one agent's first sync, one CSV file per table, in the order the tables load. */
record ReferenceFiles(String agentCode, List<TableFile> tables) {

    ReferenceFiles {
        tables = List.copyOf(tables);
    }

    long rows() {
        return tables.stream().mapToLong(TableFile::rows).sum();
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
