package io.sincro.bench.company;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.sincro.db.Database;
import io.sincro.office.imports.CsvImport;

/**
 * The back-end's CSV files of a synthetic company, in the order the head office loads them (each
 * kind may refer to the kinds before it). Price lists come one file per list and special prices
 * one file per agent, as a back-end exporting per list and per agent would: a file is one
 * transaction, and the import keeps the keys of one file in memory.
 */
public record CompanyFiles(Path folder, List<CsvFile> files) {

    public CompanyFiles {
        files = List.copyOf(files);
    }

    /** Data lines in all files. */
    public long rows() {
        return files.stream().mapToLong(CsvFile::rows).sum();
    }

    /** Size of all files on disk. */
    public long bytes() {
        long total = 0;
        for (CsvFile f : files) {
            try {
                total += Files.size(f.file());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return total;
    }

    /**
     * Loads every file into the head office's database through the project's own import, one
     * transaction per file, as {@code sincro hq import} does; returns the rows loaded.
     */
    public long loadInto(Database headOffice) {
        CsvImport csv = new CsvImport(headOffice);
        long rows = 0;
        for (CsvFile f : files) {
            rows += csv.load(f.kind(), f.file()).rows();
        }
        return rows;
    }

    /** The same files after their folder moved to {@code newFolder}. */
    public CompanyFiles movedTo(Path newFolder) {
        return new CompanyFiles(newFolder, files.stream()
                .map(f -> new CsvFile(f.kind(), newFolder.resolve(folder.relativize(f.file())), f.rows()))
                .toList());
    }
}
