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
 * The whole small benchmark through scripts/bench's command line, one run per step, every sync step
 * through the engine and the embedded mailbox, in a 256 MB heap (see the failsafe configuration).
 * Each step checks what it left (the first sync's rows, the delta's prices, the received orders) or
 * fails; this test asserts what each step carried, that every target was judged and that the table
 * and the JSON report were written, never a time. The build runs the steps here only, once.
 */
class SmallBenchmarkIT {

    @TempDir
    Path dir;

    @Test
    void everyStepRunsOnTheSmallCompany() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path report = dir.resolve("report.json");

        int exit = BenchCommand.commandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).execute("--size", "small", "--runs", "1", "--warm-up", "0",
                "--orders", "1100", "--work", dir.resolve("work").toString(), "--out", report.toString());

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String table = out.toString(StandardCharsets.UTF_8);
        for (String id : Benchmark.STEP_IDS) {
            assertThat(table).containsPattern("\\n" + id + " +1 ");
        }
        // rows by definition: the company's data lines, its agents, the first sync's rows, ...
        assertThat(table).containsPattern("generate +1 .* 9,653 ")
                .containsPattern("hq-import +1 .* 9,653 ")
                .containsPattern("prepare-agents +1 .* 3 ")
                .containsPattern("reference +1 .* 8,552 ")
                .containsPattern("first-publish +1 .* 9,652 ")
                .containsPattern("first-sync +1 .* 8,552 ")
                // 1% of 4,000 price-list rows and of 1,500 special prices; A001's customers have 5 of the 15
                .containsPattern("delta-publish +1 .* 55 ")
                .containsPattern("delta-sync +1 .* 45 ")
                // 3 agents, 5 orders of 10 lines each
                .containsPattern("orders-send +1 .* 165 ")
                .containsPattern("orders-receive +1 .* 165 ")
                // A001's 1,100 orders of 10 lines, in two packages: the lines
                .containsPattern("many-orders-send +1 .* 11,000 ")
                .containsPattern("many-orders-receive +1 .* 11,000 ")
                .doesNotContain("not available", "FAILED", "not measured");
        assertThat(table).containsPattern("(met|not met) +first sync <= 1.25 x Derby bulk import: ratio [0-9.]+ ")
                .containsPattern("(met|not met) +delta sync bytes <= 5% of first sync's: ")
                .containsPattern("(met|not met) +delta sync time <= 10% of first sync's: ")
                .containsPattern("(met|not met) +first publish uploads <= catalog \\+ agents' data \\+ 10%: ")
                .containsPattern("met +runs in -Xmx256m")
                .containsPattern("(met|not met) +orders sent >= 20,000 lines/s: [0-9,]+ lines/s \\(11,000 lines in ")
                .containsPattern("(met|not met) +orders received >= 20,000 lines/s: [0-9,]+ lines/s \\(11,000 lines in ");
        String json = Files.readString(report);
        assertThat(json).startsWith("{\n  \"formatVersion\": 1,").endsWith("}\n")
                .contains("\"size\": \"small\"", "\"id\": \"reference\"", "\"status\": \"measured\"",
                        "\"catalogPackageBytes\": ", "\"id\": \"orders-receive\"", "\"verdict\": \"met\"");
        // the copies each run worked on go; only the report stays
        assertThat(dir.resolve("work")).doesNotExist();
    }
}
