package io.sincro.exchange.ftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.exchange.MailboxException;
import io.sincro.exchange.MailboxException.Step;

class FtpSettingsTest {

    private static final Map<String, String> NO_ENVIRONMENT = Map.of();

    @TempDir
    Path config;

    @Test
    void theRequiredKeysAreEnoughAndEverythingElseHasADefault() {
        FtpSettings settings = FtpSettings.fromProperties(
                properties("ftp.host", "ftp.example.com", "ftp.username", "agent01", "ftp.password", "pw"),
                NO_ENVIRONMENT, config);

        assertThat(settings.host()).isEqualTo("ftp.example.com");
        assertThat(settings.port()).isEqualTo(21);
        assertThat(settings.directory()).isEmpty();
        assertThat(settings.tls()).isEqualTo(TlsMode.EXPLICIT);
        assertThat(settings.trustStore()).isNull();
        assertThat(settings.certificateSha256()).isNull();
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(settings.controlTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.dataTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.retries()).isEqualTo(3);
        assertThat(settings.retryBackoff()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void everyKeyIsRead() throws IOException {
        Files.writeString(config.resolve("trust.p12"), "not read here");
        FtpSettings settings = FtpSettings.fromProperties(properties(
                "ftp.host", "10.0.0.5", "ftp.port", "2121", "ftp.directory", "/pub/sincro/",
                "ftp.username", "hq", "ftp.password", "pw", "ftp.tls", "Implicit",
                "ftp.trustStore", "trust.p12", "ftp.trustStorePassword", "tpw",
                "ftp.certificateSha256", "ab".repeat(32),
                "ftp.connectTimeoutSeconds", "5", "ftp.controlTimeoutSeconds", "6", "ftp.dataTimeoutSeconds", "7",
                "ftp.retries", "0", "ftp.retryBackoffSeconds", "0"), NO_ENVIRONMENT, config);

        assertThat(settings.port()).isEqualTo(2121);
        assertThat(settings.directory()).isEqualTo("/pub/sincro");
        assertThat(settings.tls()).isEqualTo(TlsMode.IMPLICIT);
        assertThat(settings.trustStore()).isEqualTo(config.resolve("trust.p12"));
        assertThat(settings.certificateSha256()).isEqualTo(("AB:".repeat(32)).substring(0, 95));
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.controlTimeout()).isEqualTo(Duration.ofSeconds(6));
        assertThat(settings.dataTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(settings.retries()).isZero();
        assertThat(settings.retryBackoff()).isZero();
    }

    @Test
    void implicitFtpsDefaultsToPort990() {
        FtpSettings settings = FtpSettings.fromProperties(
                properties("ftp.host", "h", "ftp.username", "u", "ftp.password", "p", "ftp.tls", "implicit"),
                NO_ENVIRONMENT, config);

        assertThat(settings.port()).isEqualTo(990);
    }

    @Test
    void thePasswordCanComeFromTheEnvironmentWhichWins() throws IOException {
        Files.writeString(config.resolve("ftp.password"), "from-file\n");
        Properties properties = properties("ftp.host", "h", "ftp.username", "u",
                "ftp.passwordFile", "ftp.password", "ftp.password", "from-settings");

        FtpSettings settings = FtpSettings.fromProperties(properties,
                Map.of(FtpSettings.PASSWORD_VARIABLE, "from-environment"), config);

        assertThat(settings.password()).isEqualTo("from-environment");
    }

    @Test
    void thePasswordCanComeFromAFileOfItsOwn() throws IOException {
        Files.writeString(config.resolve("secret"), "from-file\r\n");

        FtpSettings settings = FtpSettings.fromProperties(
                properties("ftp.host", "h", "ftp.username", "u", "ftp.passwordFile", "secret", "ftp.password", "x"),
                NO_ENVIRONMENT, config);

        assertThat(settings.password()).isEqualTo("from-file");
    }

    @Test
    void aMissingPasswordSaysWhereToPutIt() {
        assertThatThrownBy(() -> FtpSettings.fromProperties(properties("ftp.host", "h", "ftp.username", "u"),
                NO_ENVIRONMENT, config))
                .isInstanceOfSatisfying(MailboxException.class, e -> {
                    assertThat(e.step()).isEqualTo(Step.SETTINGS);
                    assertThat(e.getMessage()).isEqualTo("no FTP password is set; set the environment variable"
                            + " SINCRO_FTP_PASSWORD, or ftp.passwordFile (a file holding only the password), or"
                            + " ftp.password in sincro.properties");
                });
    }

    @Test
    void anUnreadablePasswordFileIsNamed() {
        assertThatThrownBy(() -> FtpSettings.fromProperties(
                properties("ftp.host", "h", "ftp.username", "u", "ftp.passwordFile", "missing.txt"),
                NO_ENVIRONMENT, config))
                .isInstanceOf(MailboxException.class)
                .hasMessageContaining("the password file " + config.resolve("missing.txt") + " named by ftp.passwordFile");
    }

    @Test
    void eachWrongValueNamesItsKeyAndWhatIsAllowed() {
        assertThatThrownBy(() -> FtpSettings.fromProperties(properties("ftp.username", "u", "ftp.password", "p"),
                NO_ENVIRONMENT, config))
                .hasMessage("ftp.host is missing from sincro.properties; set it to the FTP server's name or address");
        assertThatThrownBy(() -> FtpSettings.fromProperties(
                properties("ftp.host", "h", "ftp.username", "u", "ftp.password", "p", "ftp.port", "twenty-one"),
                NO_ENVIRONMENT, config))
                .hasMessage("ftp.port in sincro.properties is 'twenty-one'; set a whole number from 1 to 65535"
                        + " or remove it to use 21");
        assertThatThrownBy(() -> FtpSettings.fromProperties(
                properties("ftp.host", "h", "ftp.username", "u", "ftp.password", "p", "ftp.tls", "yes"),
                NO_ENVIRONMENT, config))
                .hasMessage("ftp.tls in sincro.properties is 'yes'; set it to none, explicit (FTPS on port 21)"
                        + " or implicit (FTPS on port 990)");
        assertThatThrownBy(() -> FtpSettings.fromProperties(
                properties("ftp.host", "h", "ftp.username", "u", "ftp.password", "p", "ftp.certificateSha256", "12:34"),
                NO_ENVIRONMENT, config))
                .hasMessageStartingWith("ftp.certificateSha256 in sincro.properties is not a SHA-256 fingerprint");
        assertThatThrownBy(() -> FtpSettings.fromProperties(
                properties("ftp.host", "h", "ftp.username", "u", "ftp.password", "p", "ftp.trustStore", "none.p12"),
                NO_ENVIRONMENT, config))
                .hasMessageContaining("named by ftp.trustStore cannot be read");
        assertThatThrownBy(() -> FtpSettings.fromProperties(
                properties("ftp.host", "h", "ftp.username", "u", "ftp.password", "p", "ftp.directory", "a/../b"),
                NO_ENVIRONMENT, config))
                .hasMessageContaining("cannot contain '..'");
    }

    @Test
    void settingsNeverShowTheirPasswords() {
        FtpSettings settings = FtpSettings.of("h", 21, "agent01", "Top-Secret-1", TlsMode.EXPLICIT)
                .withTrustStore(Path.of("trust.p12"), "Store-Secret-2");

        assertThat(settings.toString()).contains("agent01").contains("password=(hidden)")
                .doesNotContain("Top-Secret-1").doesNotContain("Store-Secret-2");
        assertThat(new FtpMailbox(settings, FakeServer.NAMES, java.time.Clock.systemUTC()).location())
                .isEqualTo("ftp://agent01@h:21 (explicit FTPS)");
    }

    private static Properties properties(String... keysAndValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }
}
