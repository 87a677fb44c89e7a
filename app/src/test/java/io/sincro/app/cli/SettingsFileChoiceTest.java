package io.sincro.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.app.CliRun;
import io.sincro.app.CliRun.Result;
import io.sincro.app.SampleHeadOffice;
import io.sincro.db.testing.TestClock;

/** Which settings a command reads: --config, else SINCRO_CONFIG (a station's launcher sets it), else ./sincro.properties. */
class SettingsFileChoiceTest {

    @TempDir
    Path dir;

    @Test
    void withoutConfigTheVariableNamesTheStationsSettings() throws Exception {
        Path hq = SampleHeadOffice.copyTo(dir.resolve("hq"));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));

        Result status = new CliRun(elsewhere, TestClock.at(SampleHeadOffice.AT),
                Map.of(StationOptions.CONFIG_VARIABLE, hq.resolve("sincro.properties").toString())).run("status");

        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.out()).as(status.toString()).contains("Settings:  " + hq.resolve("sincro.properties"));
    }

    @Test
    void configWinsOverTheVariable() throws Exception {
        Path hq = SampleHeadOffice.copyTo(dir.resolve("hq"));
        Path missing = dir.resolve("nowhere").resolve("sincro.properties");

        Result status = new CliRun(dir, TestClock.at(SampleHeadOffice.AT),
                Map.of(StationOptions.CONFIG_VARIABLE, missing.toString())).run("status", "--config", hq.toString());

        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.out()).as(status.toString()).contains("Settings:  " + hq.resolve("sincro.properties"));
    }
}
