package io.sincro.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.app.settings.Settings;
import io.sincro.app.settings.SettingsException;
import io.sincro.app.settings.SettingsWriter;
import io.sincro.db.Station;

class SettingsTest {

    @TempDir
    Path dir;

    @Test
    void anAgentStationsSettingsNameItsAgentAndDatabase() throws IOException {
        Settings settings = load("role=agent\nagent.code=A01\ndatabase.path=db\n", Map.of());

        assertThat(settings.station()).isEqualTo(Station.agent("A01"));
        assertThat(settings.databasePath()).isEqualTo(dir.resolve("db"));
        assertThat(settings.maxAgeDays()).isEqualTo(3);
    }

    @Test
    void aMissingRoleNamesTheKeyAndTheFile() {
        assertThatThrownBy(() -> load("database.path=db\n", Map.of()))
                .isInstanceOf(SettingsException.class)
                .hasMessage("setting role is missing in " + dir.resolve("sincro.properties") + "; add a line role=...");
    }

    @Test
    void anInvalidRoleSaysWhichValuesThereAre() {
        assertThatThrownBy(() -> load("role=boss\n", Map.of()))
                .hasMessage("setting role in " + dir.resolve("sincro.properties") + " is 'boss'; use head-office or agent");
    }

    @Test
    void anAgentWithoutItsCodeIsRefused() {
        assertThatThrownBy(() -> load("role=agent\n", Map.of()))
                .hasMessageStartingWith("setting agent.code is missing in ");
    }

    @Test
    void anInvalidAgentCodeIsRefusedWithTheRule() {
        assertThatThrownBy(() -> load("role=agent\nagent.code=a 1\n", Map.of()))
                .hasMessageContaining("setting agent.code in ")
                .hasMessageContaining("use 1 to 10 capital letters or digits");
    }

    @Test
    void anInvalidNumberNamesItsRange() {
        assertThatThrownBy(() -> load("role=head-office\nsync.maxAgeDays=many\n", Map.of()).maxAgeDays())
                .hasMessageEndingWith("is 'many'; use a whole number from 1 to 365");
    }

    @Test
    void thePasswordComesFromTheEnvironmentFirstThenItsFileThenTheSettings() throws IOException {
        Files.writeString(dir.resolve("secret.txt"), "from-file\n");
        String text = "role=head-office\nftp.password=from-settings\nftp.passwordFile=secret.txt\n";

        assertThat(load(text, Map.of(Settings.PASSWORD_VARIABLE, "from-env")).ftpPassword()).contains("from-env");
        assertThat(load(text, Map.of()).ftpPassword()).contains("from-file");
        assertThat(load("role=head-office\nftp.password=from-settings\n", Map.of()).ftpPassword()).contains("from-settings");
    }

    @Test
    void thePasswordIsNeverPartOfTheDescription() throws IOException {
        Settings settings = load("role=head-office\nftp.password=s3cret\n", Map.of());

        assertThat(settings.toString()).doesNotContain("s3cret");
    }

    @Test
    void anAgentStationGetsTheMailboxButNotThePasswordUnlessAsked() throws IOException {
        Settings headOffice = load("role=head-office\nftp.host=ftp.example.com\nftp.username=sincro\n"
                + "ftp.password=s3cret\nsync.maxAgeDays=5\n", Map.of());

        String without = SettingsWriter.agentStation(headOffice, "A01", false);
        String with = SettingsWriter.agentStation(headOffice, "A01", true);

        assertThat(without).contains("role=agent", "agent.code=A01", "ftp.host=ftp.example.com", "ftp.username=sincro",
                "sync.maxAgeDays=5").doesNotContain("s3cret");
        assertThat(with).contains("ftp.password=s3cret");
    }

    private Settings load(String text, Map<String, String> environment) throws IOException {
        Path file = Files.writeString(dir.resolve("sincro.properties"), text);
        return Settings.load(file, environment);
    }
}
