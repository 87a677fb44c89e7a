package io.sincro.exchange.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.mina.transport.socket.SocketSessionConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.exchange.Folder;
import io.sincro.exchange.MailboxException;
import io.sincro.exchange.PackageNames;
import io.sincro.exchange.TestCertificates;
import io.sincro.exchange.ftp.FtpMailbox;
import io.sincro.exchange.ftp.FtpSettings;
import io.sincro.exchange.ftp.TlsMode;

/** {@code sincro mailbox serve}: an FTP server on a folder, for trials and small offices. */
class MailboxServerTest {

    private static final PackageNames NAMES = PackageNames.endingWith(".sincro");

    @TempDir
    Path root;
    @TempDir
    Path local;

    @Test
    void servesAFolderOnAFreeLoopbackPortWithTheMailboxFolders() throws IOException {
        List<ServerEvent> events = Collections.synchronizedList(new ArrayList<>());
        try (MailboxServer server = MailboxServer.start(ServeOptions.loopback(root, 0).withUser("agent01", "Serve-Pa55"),
                events::add)) {
            assertThat(server.port()).isPositive();
            assertThat(server.host()).isEqualTo("127.0.0.1");
            assertThat(root.resolve("SincroAg")).isDirectory();
            assertThat(root.resolve("SincroSede")).isDirectory();
            assertThat(server.clientSettings()).containsExactly("ftp.host=127.0.0.1", "ftp.port=" + server.port(),
                    "ftp.username=agent01", "ftp.tls=none");

            try (FtpMailbox mailbox = mailbox(server, "agent01", "Serve-Pa55")) {
                mailbox.upload(Files.writeString(local.resolve("p"), "x"), Folder.SINCRO_AG, "A01-000001.sincro");
            }
        }

        assertThat(root.resolve("SincroAg/A01-000001.sincro")).hasContent("x");
        assertThat(events).extracting(ServerEvent::toString)
                .contains("agent01 logged in", "agent01 renamed to /SincroAg/A01-000001.sincro")
                .anyMatch(line -> line.startsWith("agent01 stored /SincroAg/A01-000001.sincro.part-"));
        assertThat(events).noneMatch(ServerEvent::encrypted);
    }

    @Test
    void repliesOnEveryControlConnectionGoOutWithoutWaitingForTheClientsAcknowledgement() throws IOException {
        try (MailboxServer server = MailboxServer.start(ServeOptions.loopback(root, 0));
                FtpMailbox mailbox = mailbox(server, "anonymous", "guest")) {
            mailbox.upload(Files.writeString(local.resolve("p"), "x"), Folder.SINCRO_AG, "A01-000001.sincro");

            assertThat(server.listener().getActiveSessions()).singleElement()
                    .satisfies(session -> assertThat(((SocketSessionConfig) session.getConfig()).isTcpNoDelay())
                            .as("TCP_NODELAY on the control connection").isTrue());
        }
    }

    @Test
    void anFtpsServerSaysWhichCertificateFingerprintStationsPin() {
        TestCertificates certificates = TestCertificates.get();
        ServeOptions options = ServeOptions.loopback(root, 0).withUser("agent01", "Serve-Pa55")
                .withTls(TlsMode.EXPLICIT, certificates.localhostKeyStore, TestCertificates.PASSWORD);

        try (MailboxServer server = MailboxServer.start(options)) {
            assertThat(server.certificateSha256()).map(Object::toString).hasValue(certificates.localhostFingerprint);
            assertThat(server.clientSettings())
                    .contains("ftp.tls=explicit", "ftp.certificateSha256=" + certificates.localhostFingerprint);
        }
    }

    @Test
    void anSftpServerKeepsItsHostKeyAcrossRestartsAndSaysWhichFingerprintToPin() throws IOException {
        Path hostKey = local.resolve("host-key");
        SftpServeOptions options = SftpServeOptions.loopback(root, 0, "agent01", "Serve-Pa55", hostKey);
        String first;
        try (SftpMailboxServer server = SftpMailboxServer.start(options)) {
            first = server.hostKeySha256();
            assertThat(server.clientSettings()).containsExactly("ftp.protocol=sftp", "ftp.host=127.0.0.1",
                    "ftp.port=" + server.port(), "ftp.username=agent01", "ftp.hostKeySha256=" + first);
        }

        try (SftpMailboxServer again = SftpMailboxServer.start(options)) {
            assertThat(again.hostKeySha256()).isEqualTo(first).startsWith("SHA256:");
        }
    }

    @Test
    void anSftpServerRefusesToKeepItsHostKeyWhereStationsCouldReadIt() {
        assertThatThrownBy(() -> SftpServeOptions.loopback(root, 0, "agent01", "Serve-Pa55", root.resolve("key")))
                .hasMessageContaining("the host key cannot be kept inside the served folder");
    }

    @Test
    void anonymousAccessIsAllowedOnlyFromThisComputer() {
        try (MailboxServer server = MailboxServer.start(ServeOptions.loopback(root, 0));
                FtpMailbox mailbox = mailbox(server, "anonymous", "guest")) {
            assertThat(mailbox.list(Folder.SINCRO_SEDE)).isEmpty();
            assertThat(server.clientSettings()).contains("ftp.username=anonymous");
        }

        assertThatThrownBy(() -> MailboxServer.start(ServeOptions.loopback(root, 0).withBindAddress("0.0.0.0")))
                .isInstanceOf(MailboxException.class)
                .hasMessage("a mailbox server other computers can reach (0.0.0.0) must not accept anonymous logins;"
                        + " give it a user and a password");
    }

    @Test
    void aPortAlreadyInUseIsReportedWithWhatToDo() {
        try (MailboxServer first = MailboxServer.start(ServeOptions.loopback(root, 0))) {
            assertThatThrownBy(() -> MailboxServer.start(ServeOptions.loopback(root, first.port())))
                    .isInstanceOf(MailboxException.class)
                    .hasMessageStartingWith("the mailbox server cannot listen on 127.0.0.1:" + first.port())
                    .hasMessageEndingWith("choose another port with --port (0 picks a free one) or another address");
        }
    }

    @Test
    void afterCloseNothingIsServedAnyMore() {
        MailboxServer server = MailboxServer.start(ServeOptions.loopback(root, 0));
        int port = server.port();
        server.close();

        FtpSettings settings = FtpSettings.of("127.0.0.1", port, "anonymous", "guest", TlsMode.NONE)
                .withRetries(0, Duration.ZERO);
        try (FtpMailbox mailbox = new FtpMailbox(settings, NAMES, Clock.systemUTC())) {
            // refused, or reset while the listener finishes closing: either way nothing is served
            assertThatThrownBy(mailbox::open).isInstanceOfSatisfying(MailboxException.class,
                    e -> assertThat(e.step()).isEqualTo(MailboxException.Step.CONNECT));
        }
    }

    @Test
    void optionsNeverShowPasswords() {
        ServeOptions options = ServeOptions.loopback(root, 0).withUser("agent01", "Serve-Secret")
                .withTls(TlsMode.EXPLICIT, root.resolve("server.p12"), "Store-Secret");

        assertThat(options.toString()).contains("agent01").doesNotContain("Serve-Secret").doesNotContain("Store-Secret");
    }

    private static FtpMailbox mailbox(MailboxServer server, String user, String password) {
        FtpSettings settings = FtpSettings.of("127.0.0.1", server.port(), user, password, TlsMode.NONE)
                .withRetries(0, Duration.ZERO);
        return new FtpMailbox(settings, NAMES, Clock.systemUTC());
    }
}
