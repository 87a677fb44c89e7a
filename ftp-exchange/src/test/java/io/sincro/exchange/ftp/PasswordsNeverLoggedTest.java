package io.sincro.exchange.ftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.sincro.exchange.Folder;
import io.sincro.exchange.MailboxException;
import io.sincro.exchange.PackageNames;
import io.sincro.exchange.server.MailboxServer;
import io.sincro.exchange.server.ServeOptions;

/**
 * Passwords are never printed or logged (RELIABILITY 19): with every logger at DEBUG, including
 * the FTP dialogue and the embedded server's own logs, a whole exchange and a refused login leave
 * no trace of the password, and neither do the messages for the user.
 */
class PasswordsNeverLoggedTest {

    private static final String PASSWORD = "Very-Secret-Pa55";

    @TempDir
    Path root;
    @TempDir
    Path local;

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final Logger rootLogger = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private Level previousLevel;

    @BeforeEach
    void captureEverything() {
        previousLevel = rootLogger.getLevel();
        rootLogger.setLevel(Level.DEBUG);
        captured.start();
        rootLogger.addAppender(captured);
    }

    @AfterEach
    void stopCapturing() {
        rootLogger.detachAppender(captured);
        rootLogger.setLevel(previousLevel);
    }

    @Test
    void aWholeExchangeAndARefusedLoginNeverLogThePassword() throws IOException {
        try (MailboxServer server = MailboxServer.start(ServeOptions.loopback(root, 0).withUser("agent01", PASSWORD))) {
            FtpSettings settings = FtpSettings.of("127.0.0.1", server.port(), "agent01", PASSWORD, TlsMode.NONE)
                    .withRetries(0, Duration.ZERO);
            try (FtpMailbox mailbox = new FtpMailbox(settings, PackageNames.endingWith(".sincro"), Clock.systemUTC())) {
                mailbox.createFolder(Folder.fromAgent("A01"));
                mailbox.upload(Files.writeString(local.resolve("p"), "x"), Folder.fromAgent("A01"), "A01-1.sincro");
                mailbox.download(Folder.fromAgent("A01"), "A01-1.sincro", local.resolve("back"));
                mailbox.delete(Folder.fromAgent("A01"), "A01-1.sincro");
            }
            FtpSettings wrong = FtpSettings.of("127.0.0.1", server.port(), "agent01", PASSWORD + "-old", TlsMode.NONE)
                    .withRetries(0, Duration.ZERO);
            try (FtpMailbox mailbox = new FtpMailbox(wrong, PackageNames.endingWith(".sincro"), Clock.systemUTC())) {
                assertThatThrownBy(mailbox::open)
                        .isInstanceOf(MailboxException.class)
                        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PASSWORD));
            }
        }

        List<String> lines = captured.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).anyMatch(line -> line.contains("> PASS ********"));
        assertThat(lines).noneMatch(line -> line.contains(PASSWORD));
    }

    @Test
    void theProtocolLogMasksPasswordAndAccountCommands() {
        assertThat(ProtocolLog.masked("PASS", "PASS " + PASSWORD + "\r\n")).isEqualTo("PASS ********");
        assertThat(ProtocolLog.masked("ACCT", "ACCT " + PASSWORD + "\r\n")).isEqualTo("ACCT ********");
        assertThat(ProtocolLog.masked("USER", "USER agent01\r\n")).isEqualTo("USER agent01");
    }
}
