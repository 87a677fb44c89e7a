package io.sincro.office.orders;

import java.nio.file.Path;

/** What an export wrote: how many orders and lines, and where (no file when there was nothing). */
public record ExportSummary(int orders, int lines, Path file) {
}
