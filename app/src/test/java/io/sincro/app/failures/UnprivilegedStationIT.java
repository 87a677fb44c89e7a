package io.sincro.app.failures;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.app.CliRun;
import io.sincro.app.ExchangedStations;
import io.sincro.app.LoopbackStations;
import io.sincro.db.testing.TestClock;
import io.sincro.exchange.testing.SmallDisk;

/**
 * Agent A01's station run by an unprivileged user ({@code nobody}, through {@code setpriv}), the
 * launcher's jar in a process of its own, with a folder it may not write in or a file it may not
 * read: root passes every permission check, so only another user meets the fault for real. Each
 * case asserts the sentence (cause, place, next step), the exit code, and that the first sync once
 * the permission is back finishes the job.
 */
class UnprivilegedStationIT {

    private static final String USER = "nobody";
    private static final String GROUP = "nogroup";
    private static final TestClock CLOCK = TestClock.at("2026-03-02T09:00:00Z");

    @TempDir
    Path dir;
    private Path hq;
    private Path a01;
    private Path jar;
    private LoopbackStations mailbox;

    @BeforeEach
    void aStationOwnedByNobodyWithAnOrderToSend() throws IOException {
        SmallDisk.requireRoot("running a station as another user (setpriv)");
        ExchangedStations.copyTo(dir);
        hq = dir.resolve(ExchangedStations.HEAD_OFFICE);
        a01 = dir.resolve(ExchangedStations.AGENT);
        mailbox = LoopbackStations.serve(dir.resolve(ExchangedStations.MAILBOX), CLOCK, hq, a01);
        CliRun agent = mailbox.at(a01);
        assertThat(agent.run("order", "new", "--customer", "C00001").exitCode()).isZero();
        assertThat(agent.run("order", "add-line", "A01/000001", "P00001", "3").exitCode()).isZero();
        assertThat(agent.run("order", "submit", "A01/000001").exitCode()).isZero();
        jar = dir.resolve("sincro.jar");
        Files.copy(Path.of("target", "sincro.jar"), jar);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));
        giveToNobody(a01);
    }

    @AfterEach
    void stop() {
        if (mailbox != null) {
            mailbox.close();
        }
    }

    @Test
    void anOutboxItMayNotWriteInIsNamedWithTheUserAndTheFix() throws IOException {
        Path outbox = a01.resolve("outbox");
        Files.setPosixFilePermissions(outbox, PosixFilePermissions.fromString("r-xr-xr-x"));

        Run sync = sincro("sync");

        assertThat(sync.code).as(sync.output).isEqualTo(1);
        assertThat(sync.output).contains("this computer's user nobody may not write in " + outbox
                + " (permission denied); give nobody the right to read and write there", "then run sincro sync again")
                .doesNotContain("defect");
        Run doctor = sincro("doctor");
        assertThat(doctor.code).as(doctor.output).isEqualTo(1);
        assertThat(doctor.output).containsPattern("(?m)^problem +outbox folder +this computer's user nobody may not"
                + " write in " + outbox);

        Files.setPosixFilePermissions(outbox, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(sincro("sync").code).isZero();
        assertThat(mailbox.at(hq).run("sync").exitCode()).isZero();
        assertThat(mailbox.at(hq).run("status").out()).containsPattern("(?m) 1 order$");
    }

    @Test
    void aDatabaseFolderItMayNotWriteInIsNamedWithTheUserAndTheFix() throws IOException {
        Path database = a01.resolve("database");
        chmodTree(database, "r-xr-xr-x", "r--r--r--");

        Run sync = sincro("sync");

        assertThat(sync.code).as(sync.output).isEqualTo(1);
        assertThat(sync.output).contains("nobody may not read or write " + database.resolve("sincro.lock"), "then run sincro sync again")
                .doesNotContain("defect", "SQLState");
        Run doctor = sincro("doctor");
        assertThat(doctor.code).as(doctor.output).isEqualTo(1);
        assertThat(doctor.output).containsPattern("(?m)^problem +database folder +this computer's user nobody may not"
                + " write in " + database);

        chmodTree(database, "rwxr-xr-x", "rw-r--r--");
        assertThat(sincro("sync").code).isZero();
        assertThat(mailbox.at(hq).run("sync").exitCode()).isZero();
        assertThat(mailbox.at(hq).run("status").out()).containsPattern("(?m) 1 order$");
    }

    @Test
    void aSettingsFileItMayNotReadSaysWhyAndWhatToDo() throws IOException {
        Path settings = a01.resolve("sincro.properties");
        Files.setPosixFilePermissions(settings, PosixFilePermissions.fromString("---------"));

        Run sync = sincro("sync");

        assertThat(sync.code).as(sync.output).isEqualTo(1);
        assertThat(sync.output).contains("could not read the settings file " + settings + ": this computer's user"
                + " nobody may not read it (permission denied); give that user the right to read it");
        Run doctor = sincro("doctor");
        assertThat(doctor.code).as(doctor.output).isEqualTo(1);
        assertThat(doctor.output).containsPattern("(?m)^problem +settings +could not read the settings file "
                + settings + ": this computer's user nobody may not read it");

        Files.setPosixFilePermissions(settings, PosixFilePermissions.fromString("rw-------"));
        assertThat(sincro("sync").code).isZero();
    }

    @Test
    void aLogItMayNotWriteIsAWarningOnTheTerminalAndInStatusAndTheSyncStillWorks() throws IOException {
        Path logs = a01.resolve("logs");
        chmodTree(logs, "r-xr-xr-x", "r--r--r--");

        Run sync = sincro("sync");

        assertThat(sync.code).as(sync.output).isZero();
        assertThat(sync.output).contains("warning: the station's log " + logs.resolve("sincro.log")
                + " cannot be written, so this run keeps no log: this computer's user nobody may not read or write "
                + logs.resolve("sincro.log") + " (permission denied)");
        Run status = sincro("status");
        assertThat(status.output).contains("Log:       not written: the station's log " + logs.resolve("sincro.log"));
        Run doctor = sincro("doctor");
        assertThat(doctor.output).containsPattern("(?m)^warning +log +the station's log ");

        chmodTree(logs, "rwxr-xr-x", "rw-r--r--");
        Run fixed = sincro("sync");
        assertThat(fixed.code).as(fixed.output).isZero();
        assertThat(fixed.output).doesNotContain("warning");
    }

    @Test
    void aBundleItMayNotWriteSaysSoAndLeavesNothingBehind() throws IOException {
        Path closed = Files.createDirectory(a01.resolve("closed"));
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("r-xr-xr-x"));

        Run doctor = sincro("doctor", "--bundle", "closed/support.zip");

        assertThat(doctor.output).contains("this computer's user nobody may not write in " + closed
                + " (permission denied); give nobody the right to read and write there", "then run sincro doctor again")
                .doesNotContain("may not read it");
        assertThat(doctor.code).as(doctor.output).isEqualTo(1);
        try (Stream<Path> left = Files.list(closed)) {
            assertThat(left).isEmpty();
        }
    }

    private Run sincro(String... args) {
        List<String> command = new ArrayList<>(List.of("setpriv", "--reuid=" + USER, "--regid=" + GROUP,
                "--clear-groups", java(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(a01.toFile()).redirectErrorStream(true);
        builder.environment().put("SINCRO_FTP_PASSWORD", LoopbackStations.PASSWORD);
        builder.environment().put("HOME", dir.toString());
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("sincro " + String.join(" ", args) + " did not end within 90 s:\n" + output);
            }
            return new Run(process.exitValue(), "sincro " + String.join(" ", args) + " as " + USER + " exited "
                    + process.exitValue() + ":\n" + output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private record Run(int code, String output) {
    }

    private static String java() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static void giveToNobody(Path folder) throws IOException {
        UserPrincipal nobody = folder.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(USER);
        try (Stream<Path> tree = Files.walk(folder)) {
            for (Path path : tree.toList()) {
                Files.setOwner(path, nobody);
            }
        }
    }

    /** Folders get {@code folders}, files {@code files} (as root, whatever the rights on the way). */
    private static void chmodTree(Path root, String folders, String files) throws IOException {
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path path : tree.toList()) {
                Files.setPosixFilePermissions(path,
                        PosixFilePermissions.fromString(Files.isDirectory(path) ? folders : files));
            }
        }
    }
}
