package io.sincro.app.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.app.SampleHeadOffice;

/**
 * A station made by {@code hq prepare-agent} with the application jar carries its own copy of the
 * jar and launchers: run as a laptop would run them, from another folder, in processes of their own.
 */
class PreparedStationLauncherIT {

    /** The one runnable jar, which the build makes before its integration tests. */
    private static final Path JAR = Path.of("target", "sincro.jar").toAbsolutePath();
    /** Only so a broken launcher cannot hang the build; nothing is timed. */
    private static final int GUARD_SECONDS = 180;

    @TempDir
    Path dir;

    @Test
    void aPreparedStationRunsItsCommandsWithItsSettingsFromAnyFolder() throws Exception {
        assertThat(JAR).as("the application jar, made by mvn package before the integration tests").isRegularFile();
        Path hq = SampleHeadOffice.withLoopbackMailbox(dir.resolve("hq"));
        Path station = dir.resolve("laptop").resolve("a01");

        Run prepared = run(hq, java(), "-jar", JAR.toString(), "hq", "prepare-agent", "A01", "--out", station.toString(),
                "--offline");
        assertThat(prepared.exitCode()).as(prepared.toString()).isZero();
        assertThat(prepared.out()).as(prepared.toString()).contains("It holds the application (app/sincro.jar)");
        assertThat(station.resolve("app").resolve("sincro.jar")).hasSameBinaryContentAs(JAR);
        for (String launcher : StationLaunchers.LAUNCHERS) {
            assertThat(station.resolve(launcher)).isRegularFile();
        }
        assertThat(Files.isExecutable(station.resolve("sincro"))).isTrue();
        assertThat(Files.readString(station.resolve("sincro-app"))).contains("\"$here/sincro\" ui");
        assertThat(Files.readString(station.resolve("sincro-app.cmd"))).contains("sincro.cmd\" ui");
        for (String windows : List.of("sincro.cmd", "sincro-app.cmd")) {
            assertThat(Files.readString(station.resolve(windows))).as("%s has CR LF lines only", windows)
                    .doesNotContainPattern("[^\r]\n");
        }

        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Run status = run(elsewhere, station.resolve("sincro").toString(), "status");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.out()).as(status.toString()).contains("Station:   agent A01")
                .contains("Settings:  " + station.resolve("sincro.properties"));
        // the first run left the class-data archive every later command maps
        assertThat(station.resolve("app").resolve("sincro.jsa")).isNotEmptyFile();

        Run version = run(elsewhere, station.resolve("sincro").toString(), "--version");
        assertThat(version.exitCode()).as(version.toString()).isZero();
        assertThat(version.out()).as(version.toString()).startsWith("Sincro ").contains("Java 17");
        assertThat(version.err()).as(version.toString()).isEmpty();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** What one process did; its toString is what a failed assertion shows. */
    private record Run(String command, int exitCode, String out, String err) {
        @Override
        public String toString() {
            return command + " exited " + exitCode + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
        }
    }

    private Run run(Path workingDirectory, String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(List.of(command)).directory(workingDirectory.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        // the laptop's Java: the one running this test, as JAVA_HOME
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("SINCRO_CONFIG");
        builder.environment().remove("SINCRO_JAVA_OPTS");
        Process process = builder.start();
        boolean ended = process.waitFor(GUARD_SECONDS, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly().waitFor();
        }
        List<String> shown = new ArrayList<>(List.of(command));
        return new Run(String.join(" ", shown), ended ? process.exitValue() : -1,
                Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
