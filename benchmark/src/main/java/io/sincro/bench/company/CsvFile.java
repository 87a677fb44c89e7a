package io.sincro.bench.company;

import java.nio.file.Path;

import io.sincro.office.imports.ImportKind;

/** One generated back-end file: what it holds, where, and how many data lines. */
public record CsvFile(ImportKind kind, Path file, long rows) {
}
