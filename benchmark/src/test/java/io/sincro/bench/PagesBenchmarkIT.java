package io.sincro.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/bench --pages} on the small company (2,000 products): the station is built through
 * the real path, the web app serves it, every page answers 200 showing what it is for, and the table
 * judges each page; never a time.
 */
class PagesBenchmarkIT {

    @TempDir
    Path dir;

    @Test
    void everyPageIsTimedAndJudged() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path work = dir.resolve("work");

        int exit = BenchCommand.commandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).execute("--pages", "--size", "small",
                "--work", work.toString());

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("web pages at one agent's station, 2,000 products, 4,000 price-list rows")
                .containsPattern("load average [0-9.]+ [0-9.]+ [0-9.]+")
                .containsPattern("\\nhome +[0-9.]+ +[0-9.]+ +50 ms  (met|not met)")
                .containsPattern("\\ncatalog: many products +[0-9.]+ +[0-9.]+ +50 ms  (met|not met)")
                .containsPattern("\\ncatalog: one code +[0-9.]+ +[0-9.]+ +50 ms  (met|not met)")
                .containsPattern("\\ncustomers +[0-9.]+ +[0-9.]+ +50 ms  (met|not met)")
                .containsPattern("\\norders +[0-9.]+ +[0-9.]+ +50 ms  (met|not met)")
                .containsPattern("\\nan order +[0-9.]+ +[0-9.]+ +50 ms  (met|not met)")
                .contains("/catalog?q=Vite&customer=");
        assertThat(work).as("the work folder is removed without --keep").satisfies(w -> assertThat(Files.exists(w)).isFalse());
    }
}
