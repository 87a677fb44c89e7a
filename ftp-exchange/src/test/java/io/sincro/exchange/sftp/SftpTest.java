package io.sincro.exchange.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.exchange.Folder;
import io.sincro.exchange.MailboxException;
import io.sincro.exchange.MailboxException.Step;
import io.sincro.exchange.PackageNames;
import io.sincro.exchange.server.SftpMailboxServer;
import io.sincro.exchange.server.SftpServeOptions;

/**
 * SFTP's own promises: the server's host key pinned (first contact says what to pin), password or
 * key login, the key file readable by its owner only, and failures told in one sentence.
 */
class SftpTest {

    private static final String USER = "agent01";
    private static final String PASSWORD = "Ssh-Pa55word";
    private static final PackageNames NAMES = PackageNames.endingWith(".sincro");

    @TempDir
    Path root;
    @TempDir
    Path keys;

    private SftpMailboxServer server;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeEach
    void startServer() throws Exception {
        KeyPair agentKey = newKey();
        Path authorized = Files.writeString(keys.resolve("authorized_keys"),
                PublicKeyEntry.toString(agentKey.getPublic()) + "\n");
        try (var out = Files.newOutputStream(keys.resolve("agent-key"))) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(agentKey, "agent01", null, out);
        }
        Files.setPosixFilePermissions(keys.resolve("agent-key"), PosixFilePermissions.fromString("rw-------"));
        server = SftpMailboxServer.start(SftpServeOptions.loopback(root, 0, USER, PASSWORD, keys.resolve("host-key"))
                .withAuthorizedKeys(authorized));
    }

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
        server.close();
    }

    @Test
    void theFirstContactStopsAndSaysWhichFingerprintToPin() {
        SftpMailbox mailbox = mailbox(settings().withHostKeySha256(null));

        assertThatThrownBy(mailbox::open)
                .isInstanceOfSatisfying(MailboxException.class, e -> {
                    assertThat(e.isTransient()).isFalse();
                    assertThat(e.step()).isEqualTo(Step.CONNECT);
                    assertThat(e.getMessage()).startsWith("first contact with sftp://agent01@127.0.0.1:")
                            .contains("pin it with ftp.hostKeySha256=" + server.hostKeySha256());
                });
    }

    @Test
    void aHostKeyOtherThanThePinnedOneIsRefused() {
        String other = "SHA256:" + "A".repeat(43);
        SftpMailbox mailbox = mailbox(settings().withHostKeySha256(other));

        assertThatThrownBy(mailbox::open)
                .isInstanceOfSatisfying(MailboxException.class, e -> {
                    assertThat(e.isTransient()).isFalse();
                    assertThat(e.getMessage())
                            .contains("the host key does not match the pinned fingerprint")
                            .contains(server.hostKeySha256())
                            .contains("someone may be intercepting the connection");
                });
    }

    @Test
    void aHostKeyRefusedWhileConnectingAheadIsReportedByTheFirstOperation() {
        SftpMailbox mailbox = mailbox(settings().withHostKeySha256("SHA256:" + "A".repeat(43)));

        mailbox.connectAhead();

        assertThatThrownBy(() -> mailbox.list(Folder.fromAgent("A01")))
                .isInstanceOfSatisfying(MailboxException.class, e -> {
                    assertThat(e.isTransient()).isFalse();
                    assertThat(e.step()).isEqualTo(Step.CONNECT);
                    assertThat(e.getMessage()).contains("the host key does not match the pinned fingerprint")
                            .contains(server.hostKeySha256());
                });
    }

    @Test
    void aConnectionMadeAheadServesTheOperationsAfterIt() {
        SftpMailbox mailbox = mailbox(settings());

        mailbox.connectAhead();
        mailbox.createFolder(Folder.fromAgent("A01"));

        assertThat(mailbox.list(Folder.fromAgent("A01"))).isEmpty();
    }

    @Test
    void aWrongPasswordIsALoginRefusalNotRetried() {
        SftpMailbox mailbox = mailbox(new SftpSettings("127.0.0.1", server.port(), "", USER, "wrong", null,
                server.hostKeySha256(), Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5), 3,
                Duration.ofSeconds(30)));

        assertThatThrownBy(mailbox::open)
                .isInstanceOfSatisfying(MailboxException.class, e -> {
                    assertThat(e.isTransient()).isFalse();
                    assertThat(e.step()).isEqualTo(Step.LOGIN);
                    assertThat(e.getMessage()).contains("login of user agent01")
                            .contains("check ftp.username and the password").doesNotContain("wrong");
                });
    }

    @Test
    void aPrivateKeyLogsIn() throws IOException {
        SftpMailbox mailbox = mailbox(settings().withPrivateKey(keys.resolve("agent-key")));

        mailbox.createFolder(Folder.fromAgent("A01"));

        assertThat(root.resolve("SincroAg/A01")).isDirectory();
    }

    @Test
    void aPrivateKeyOthersCanReadIsRefusedWithWhatToDo() throws IOException {
        Path key = keys.resolve("agent-key");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        SftpMailbox mailbox = mailbox(settings().withPrivateKey(key));

        assertThatThrownBy(mailbox::open)
                .isInstanceOfSatisfying(MailboxException.class, e -> {
                    assertThat(e.step()).isEqualTo(Step.SETTINGS);
                    assertThat(e.getMessage()).contains("can be used by other users of this computer")
                            .contains("rw-r--r--").endsWith("chmod 600 " + key);
                });
    }

    @Test
    void aServerThatDoesNotAnswerIsTransientAndRetriedABoundedNumberOfTimes() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SftpMailbox mailbox = mailbox(new SftpSettings("127.0.0.1", closedPort, "", USER, PASSWORD, null,
                server.hostKeySha256(), Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2), 2,
                Duration.ofMillis(10)));

        assertThatThrownBy(mailbox::open)
                .isInstanceOfSatisfying(MailboxException.class, e -> {
                    assertThat(e.isTransient()).isTrue();
                    assertThat(e.getMessage()).contains("nothing accepted the connection at 127.0.0.1:" + closedPort)
                            .contains("tried 3 times");
                });
    }

    @Test
    void settingsNameTheKeyToFix() {
        Properties properties = new Properties();
        properties.setProperty("ftp.protocol", "sftp");
        properties.setProperty("ftp.host", "files.example.com");
        properties.setProperty("ftp.username", "agent01");

        assertThatThrownBy(() -> SftpSettings.fromProperties(properties, Map.of(), keys))
                .hasMessageContaining("no SFTP password or key is set; set ftp.privateKey");

        properties.setProperty("ftp.password", PASSWORD);
        properties.setProperty("ftp.hostKeySha256", "d4:1d:8c:d9");
        assertThatThrownBy(() -> SftpSettings.fromProperties(properties, Map.of(), keys))
                .hasMessageContaining("ftp.hostKeySha256 in sincro.properties is 'd4:1d:8c:d9', not a host key fingerprint");

        properties.setProperty("ftp.hostKeySha256", server.hostKeySha256().substring("SHA256:".length()));
        SftpSettings settings = SftpSettings.fromProperties(properties, Map.of(), keys);
        assertThat(settings.port()).isEqualTo(22);
        assertThat(settings.hostKeySha256()).isEqualTo(server.hostKeySha256());
        assertThat(settings.toString()).doesNotContain(PASSWORD);
    }

    private SftpSettings settings() {
        return SftpSettings.of("127.0.0.1", server.port(), USER, PASSWORD)
                .withHostKeySha256(server.hostKeySha256())
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5))
                .withRetries(0, Duration.ZERO);
    }

    private SftpMailbox mailbox(SftpSettings settings) {
        SftpMailbox mailbox = new SftpMailbox(settings, NAMES);
        toClose.add(mailbox);
        return mailbox;
    }

    private static KeyPair newKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }
}
