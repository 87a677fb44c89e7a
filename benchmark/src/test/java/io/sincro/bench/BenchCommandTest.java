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
 * scripts/bench's command line: what it refuses before running any step. The small company through
 * every step, as the command line runs it, is SmallBenchmarkIT's.
 */
class BenchCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aWorkFolderTheBenchmarkDidNotMakeIsLeftAlone() throws Exception {
        Path precious = Files.writeString(Files.createDirectories(dir.resolve("mine")).resolve("thesis.txt"), "42");

        int exit = run("--work", dir.resolve("mine").toString(), "--step", "generate", "--runs", "1", "--warm-up", "0");

        assertThat(exit).isEqualTo(1);
        assertThat(stderr()).contains("holds files the benchmark did not make; give --work a new or empty folder");
        assertThat(precious).hasContent("42");
    }

    @Test
    void aWrongOptionIsAUsageError() {
        assertThat(run("--step", "first-sync,nonsense")).isEqualTo(2);
        assertThat(stderr()).contains("unknown step 'nonsense'; the steps are generate, hq-import");
        assertThat(run("--runs", "0")).isEqualTo(2);
        assertThat(run("--warm-up", "-1")).isEqualTo(2);
        assertThat(stderr()).contains("--warm-up must be 0 or more, not -1");
        assertThat(run("--agents", "10", "--warm-up", "2")).isEqualTo(2);
        assertThat(stderr()).contains("--warm-up is for the steps");
        assertThat(run("--size", "huge")).isEqualTo(2);
        assertThat(run("--orders", "0")).isEqualTo(2);
        assertThat(stderr()).contains("--orders must be at least 1, not 0");
        assertThat(run("--agents", "0")).isEqualTo(2);
        assertThat(stderr()).contains("--agents must be at least 1, not 0");
        assertThat(run("--agents", "10", "--step", "first-sync")).isEqualTo(2);
        assertThat(stderr()).contains("--agents runs its own steps; leave out --step");
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
