package io.sincro.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/bench --agents N} through its command line, with 3 agents and one run per step:
 * each sync checks what it did (nothing, the orders received, the packages sent) or fails; this
 * asserts the steps ran and the targets were judged, never a time.
 */
class ManyAgentsBenchmarkIT {

    @TempDir
    Path dir;

    @Test
    void theHeadOfficesSyncIsMeasuredWithEveryAgentSendingOrNot() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = BenchCommand.commandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).execute("--agents", "3", "--runs", "1",
                "--work", dir.resolve("work").toString());

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String table = out.toString(StandardCharsets.UTF_8);
        assertThat(table).containsPattern("\\n3 +idle +1 ").containsPattern("\\n3 +sending +1 ")
                .containsPattern("\\n3 +publish +1 ").doesNotContain("FAILED")
                .containsPattern("(met|not met) +head office sync with nothing new, 3 agents <= 0.03 s: ")
                // one number of agents: nothing to compare the senders' cost with
                .contains("not measured  the senders' orders cost");
        assertThat(dir.resolve("work")).doesNotExist();
    }
}
