package io.sincro.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


/** scripts/bench's command line, and the small company end to end (one run per step: no timings asserted). */
class BenchCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /**
     * The small company through every step up to the head office's first publish, one run each:
     * generation, import, stations, the reference, and the engine publishing through the embedded
     * mailbox with its bytes counted. Every step runs, each agent syncing too, in SmallBenchmarkIT.
     */
    @Test
    void theSmallCompanyRunsUpToTheFirstPublish() throws Exception {
        Path report = dir.resolve("out").resolve("report.json");

        int exit = run("--size", "small", "--runs", "1", "--work", dir.resolve("work").toString(), "--out", report.toString(),
                "--step", "generate,hq-import,prepare-agents,reference,first-publish");

        assertThat(exit).as(stderr()).isZero();
        String table = stdout();
        // rows by definition; each step also checked what it left (Trial.verify), or it would have failed
        assertThat(table).containsPattern("generate +1 .* 9,653 ")
                .containsPattern("hq-import +1 .* 9,653 ")
                .containsPattern("prepare-agents +1 .* 3 ")
                .containsPattern("reference +1 .* 8,552 ")
                .containsPattern("first-publish +1 .* 9,652 ")
                .doesNotContain("first-sync  ", "FAILED", "not available");
        assertThat(table).containsPattern("(met|not met) +first publish uploads <= catalog \\+ agents' data \\+ 10%: [0-9.]+ x")
                .contains("not measured  first sync <= 1.25 x Derby bulk import: first-sync was not run");
        String json = Files.readString(report);
        assertThat(json).startsWith("{\n  \"formatVersion\": 1,").endsWith("}\n")
                .contains("\"size\": \"small\"", "\"id\": \"reference\"", "\"status\": \"measured\"",
                        "\"catalogPackageBytes\": ", "\"verdict\": ");
        assertThat(dir.resolve("work")).doesNotExist();
    }

    @Test
    void aWorkFolderTheBenchmarkDidNotMakeIsLeftAlone() throws Exception {
        Path precious = Files.writeString(Files.createDirectories(dir.resolve("mine")).resolve("thesis.txt"), "42");

        int exit = run("--work", dir.resolve("mine").toString(), "--step", "generate", "--runs", "1");

        assertThat(exit).isEqualTo(1);
        assertThat(stderr()).contains("holds files the benchmark did not make; give --work a new or empty folder");
        assertThat(precious).hasContent("42");
    }

    @Test
    void aWrongOptionIsAUsageError() {
        assertThat(run("--step", "first-sync,nonsense")).isEqualTo(2);
        assertThat(stderr()).contains("unknown step 'nonsense'; the steps are generate, hq-import");
        assertThat(run("--runs", "0")).isEqualTo(2);
        assertThat(run("--size", "huge")).isEqualTo(2);
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return BenchCommand.commandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
