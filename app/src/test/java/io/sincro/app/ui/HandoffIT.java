package io.sincro.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.app.CliRun.Result;
import io.sincro.app.ExchangedStations;
import io.sincro.app.LoopbackStations;
import io.sincro.app.Main;
import io.sincro.app.SampleHeadOffice;
import io.sincro.app.cli.HandoffFile;
import io.sincro.app.cli.UiHandoff;
import io.sincro.db.testing.TestClock;

/**
 * {@code sincro ui} and the command line at one station, each in a process of its own, as a
 * salesman's laptop runs them while cron or Windows' Task Scheduler runs {@code sincro sync}: the
 * sync and the status are handed to the running ui and print what they print there, with its exit
 * code; other commands are refused saying what to do; a key other than the file's is refused; and
 * once the ui is killed, the file it left behind is found stale and the commands run by themselves.
 * The mailbox is the embedded FTP server, the head office's side runs through its real commands.
 */
class HandoffIT {

    /** Only so a broken test cannot hang the build; nothing is timed. */
    private static final int GUARD_SECONDS = 180;

    @TempDir
    Path dir;

    @Test
    void aScheduledSyncRunsInTheRunningUiAndAfterTheUiIsKilledByItself() throws Exception {
        Path root = ExchangedStations.copyTo(dir);
        Path hq = root.resolve(ExchangedStations.HEAD_OFFICE);
        Path a01 = root.resolve(ExchangedStations.AGENT);
        try (LoopbackStations stations = LoopbackStations.serve(root.resolve(ExchangedStations.MAILBOX),
                TestClock.at(SampleHeadOffice.AT), hq, a01)) {
            // something for A01 to receive: the head office publishes its catalog again
            ok(stations.at(hq).run("hq", "republish", "--catalog"));
            stations.sync(hq);
            Process ui = start(a01, dir.resolve("ui.out"), "ui", "--no-browser");
            try {
                awaitServing(ui, dir.resolve("ui.out"));
                HandoffFile file = HandoffFile.readFrom(a01).orElseThrow();
                assertThat(file.pid()).isEqualTo(ui.pid());

                // a key other than the file's runs nothing
                HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + file.port() + "/sync"))
                        .header(UiHandoff.KEY_HEADER, "not-" + file.key())
                        .POST(HttpRequest.BodyPublishers.ofString("")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(forged.statusCode()).as(forged.body()).isEqualTo(403);

                Result status = run(a01, "status");
                assertThat(status.exitCode()).as(status.toString()).isZero();
                assertThat(status.out()).contains("Station:   agent A01").doesNotContain("Last sync:    2026-12");

                Result sync = run(a01, "sync");
                assertThat(sync.exitCode()).as(sync.toString()).isZero();
                assertThat(sync.err()).as(sync.toString())
                        .contains("sincro ui (process " + ui.pid() + ") holds this station, so this sync runs in it.")
                        .doesNotContain("sincro: sincro ui");
                assertThat(sync.out()).as(sync.toString()).contains("Received 1 package:").contains("HQ_catalog")
                        .contains("Sync finished in");

                Result again = run(a01, "sync");
                assertThat(again.exitCode()).as(again.toString()).isZero();
                assertThat(again.out()).as(again.toString()).contains("Received nothing new.");

                Result other = run(a01, "log");
                assertThat(other.exitCode()).as(other.toString()).isEqualTo(1);
                assertThat(other.err()).as(other.toString())
                        .contains("sincro ui has held this station since 20")
                        .contains("(process " + ui.pid() + "); stop it (Ctrl-C where it runs) and run sincro log"
                                + " again (while it holds the station only sincro sync and sincro status run in it)");
                assertThat(other.err().strip().lines()).as(other.toString()).hasSize(1);

                Result secondUi = run(a01, "ui", "--no-browser");
                assertThat(secondUi.exitCode()).as(secondUi.toString()).isEqualTo(1);
                assertThat(secondUi.err()).as(secondUi.toString()).contains("(process " + ui.pid() + "): it serves"
                        + " this station's pages already; open the address it printed");
                assertThat(HandoffFile.readFrom(a01)).as("the running ui's handoff file").hasValue(file);
            } finally {
                // as a crash or kill -9 ends it: nothing removes the handoff file
                ui.destroyForcibly();
                assertThat(ui.waitFor(GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(a01.resolve(HandoffFile.NAME)).exists();

            Result alone = run(a01, "sync");

            assertThat(alone.exitCode()).as(alone.toString()).isZero();
            assertThat(alone.err()).as(alone.toString()).doesNotContain("sincro ui");
            assertThat(alone.out()).as(alone.toString()).contains("Sync finished in");
            assertThat(a01.resolve(HandoffFile.NAME)).as("the killed ui's handoff file").doesNotExist();
        }
    }

    private static void ok(Result result) {
        assertThat(result.exitCode()).as(result.toString()).isZero();
    }

    /** {@code sincro ARGS --config STATION} in a process of its own, to its end. */
    private Result run(Path station, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process process = start(station, out, err, args);
        boolean ended = process.waitFor(GUARD_SECONDS, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        assertThat(ended).as("sincro " + String.join(" ", args) + " ended: " + Files.readString(out)
                + Files.readString(err)).isTrue();
        return new Result(String.join(" ", args), process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static Process start(Path station, Path output, String... args) throws IOException {
        return start(station, output, output, args);
    }

    private static Process start(Path station, Path out, Path err, String... args) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin",
                "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-cp", classpath, Main.class.getName()));
        command.addAll(List.of(args));
        command.addAll(List.of("--config", station.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(nul()));
        if (out.equals(err)) {
            builder.redirectErrorStream(true).redirectOutput(out.toFile());
        } else {
            builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        }
        builder.environment().putAll(Map.of("SINCRO_FTP_PASSWORD", LoopbackStations.PASSWORD));
        return builder.start();
    }

    private static File nul() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    /** Until the ui says where it serves, which it says once it takes handoffs too. */
    private static void awaitServing(Process ui, Path output) throws IOException, InterruptedException {
        while (ui.isAlive()) {
            if (Files.readString(output).contains("run in here")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("sincro ui ended without serving: " + Files.readString(output));
    }
}
