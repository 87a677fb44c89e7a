package io.sincro.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.app.CliRun;
import io.sincro.app.CliRun.Result;
import io.sincro.app.LoopbackStations;
import io.sincro.app.Main;
import io.sincro.app.SampleHeadOffice;
import io.sincro.db.testing.TestClock;

/**
 * A second command while another holds the station: a real {@code sincro sync} in a process of its
 * own holds the head office's station while it waits for a mailbox that never answers (a socket
 * that accepts and says nothing), and a command run meanwhile is told who holds it.
 */
class OneCommandAtATimeIT {

    /** Only so a broken test cannot hang the build; nothing is timed. */
    private static final int GUARD_SECONDS = 120;

    @TempDir
    Path dir;

    @Test
    void aSecondCommandIsToldWhichCommandHoldsTheStationAndSinceWhen() throws Exception {
        Path hq = SampleHeadOffice.withLoopbackMailbox(dir.resolve("hq"));
        try (ServerSocket silentMailbox = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            silentMailbox.setSoTimeout(GUARD_SECONDS * 1000);
            pointAt(hq, silentMailbox.getLocalPort());
            Path output = dir.resolve("sync.out");
            Process sync = startSync(hq, output);
            boolean ended;
            try {
                Result second;
                try (Socket connected = silentMailbox.accept()) {
                    // the sync opened the database before it went to the mailbox: it holds the station now
                    second = new CliRun(hq, TestClock.at("2026-03-02T09:00:00Z")).run("status");
                }
                assertThat(second.exitCode()).as(second.toString()).isEqualTo(1);
                assertThat(second.err()).as(second.toString())
                        .contains("sincro sync has held this station since 20")
                        .contains("(process " + sync.pid() + ")")
                        .contains("try again when it ends")
                        .doesNotContain("SQLState");
                assertThat(second.err().strip().lines()).as(second.toString()).hasSize(1);
            } finally {
                ended = sync.waitFor(GUARD_SECONDS, TimeUnit.SECONDS);
                if (!ended) {
                    sync.destroyForcibly();
                }
            }
            assertThat(ended).as("the sync ended once the mailbox went away: " + read(output)).isTrue();
            assertThat(sync.exitValue()).as("the sync stopped by the silent mailbox: " + read(output)).isEqualTo(1);
        }
        Result after = new CliRun(hq, TestClock.at("2026-03-02T09:00:00Z")).run("status");
        assertThat(after.exitCode()).as(after.toString()).isZero();
    }

    private static void pointAt(Path station, int port) throws IOException {
        Path settings = station.resolve("sincro.properties");
        Files.writeString(settings, Files.readString(settings).replaceAll("(?m)^ftp\\.port=\\d+$", "ftp.port=" + port));
        Files.writeString(settings, "ftp.connectTimeoutSeconds=" + GUARD_SECONDS + "\nftp.controlTimeoutSeconds="
                + GUARD_SECONDS + "\n", StandardOpenOption.APPEND);
    }

    private static Process startSync(Path station, Path output) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin",
                "java").toString());
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-cp", classpath, Main.class.getName(), "sync",
                "--config", station.toString()))
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(Map.of("SINCRO_FTP_PASSWORD", LoopbackStations.PASSWORD));
        return builder.start();
    }

    private static String read(Path output) {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }
}
