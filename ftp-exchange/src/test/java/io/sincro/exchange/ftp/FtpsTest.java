package io.sincro.exchange.ftp;

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

import javax.net.ssl.SSLSessionContext;

import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.sincro.exchange.Folder;
import io.sincro.exchange.MailboxException;
import io.sincro.exchange.MailboxException.Step;
import io.sincro.exchange.PackageNames;
import io.sincro.exchange.TestCertificates;
import io.sincro.exchange.server.MailboxServer;
import io.sincro.exchange.server.ServeOptions;
import io.sincro.exchange.server.ServerEvent;

/**
 * FTPS against the embedded Apache FtpServer (RELIABILITY 17): the data channel is encrypted, the
 * certificate chain and the host name are checked, a pinned certificate replaces both checks, and
 * data connections resume the control connection's TLS session.
 */
class FtpsTest {

    private static final String USER = "agent01";
    private static final String PASSWORD = "Tls-Pa55word";
    private static final PackageNames NAMES = PackageNames.endingWith(".sincro");
    private static final Folder OUTBOX = Folder.fromAgent("A01");

    @TempDir
    Path root;
    @TempDir
    Path local;

    private final TestCertificates certificates = TestCertificates.get();
    private final List<ServerEvent> events = Collections.synchronizedList(new ArrayList<>());
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
    }

    @ParameterizedTest
    @EnumSource(value = TlsMode.class, names = {"EXPLICIT", "IMPLICIT"})
    void packagesTravelOnEncryptedDataConnections(TlsMode mode) throws IOException, InterruptedException {
        MailboxServer server = serve(mode, certificates.localhostKeyStore);
        FtpMailbox mailbox = mailbox(trusting(settings(server, mode), certificates.localhostTrustStore));
        mailbox.createFolder(OUTBOX);

        mailbox.upload(Files.writeString(local.resolve("p"), "order"), OUTBOX, "A01-000001.sincro");
        mailbox.download(OUTBOX, "A01-000001.sincro", local.resolve("back"));

        assertThat(local.resolve("back")).hasContent("order");
        assertThat(transfersReported(2)).hasSize(2).allMatch(ServerEvent::encrypted);
    }

    @ParameterizedTest
    @EnumSource(value = TlsMode.class, names = {"EXPLICIT", "IMPLICIT"})
    void dataConnectionsResumeTheControlConnectionsTlsSession(TlsMode mode) throws IOException {
        MailboxServer server = serve(mode, certificates.localhostKeyStore);
        FtpSettings settings = trusting(settings(server, mode), certificates.localhostTrustStore);
        // a folder with a file in it: an empty one is seen empty over the control connection
        Files.writeString(root.resolve(Folder.SINCRO_AG.path()).resolve("A01-000001.sincro"), "order");

        try (FtpSession session = FtpSession.open(settings, new ServerTrust(settings))) {
            assertThat(session.fileNames(Folder.SINCRO_AG, candidate -> true)).containsExactly("A01-000001.sincro");

            // what vsftpd's require_ssl_reuse insists on
            assertThat(((ResumingFtpsClient) session.client()).lastDataSessionResumed()).isTrue();
        }
    }

    /**
     * TLS 1.3 is proven against vsftpd in the interop suite: the embedded server's JDK sends its
     * tickets on its own schedule, so here the chain of tickets would be a race.
     */
    @Test
    void everyDataConnectionOfASessionResumesOverTls12() throws IOException {
        String protocol = "TLSv1.2";
        MailboxServer server = serve(TlsMode.EXPLICIT, certificates.localhostKeyStore);
        FtpSettings settings = trusting(settings(server, TlsMode.EXPLICIT), certificates.localhostTrustStore);
        ServerTrust trust = new ServerTrust(settings, protocol);
        Path file = Files.writeString(local.resolve("p"), "order");
        List<Boolean> resumed = new ArrayList<>();

        try (FtpSession session = FtpSession.open(settings, trust)) {
            session.createFolder(OUTBOX);
            ResumingFtpsClient client = (ResumingFtpsClient) session.client();
            assertThat(client.controlProtocol()).isEqualTo(protocol);
            for (int i = 1; i <= 4; i++) {
                String name = "A01-00000" + i + ".sincro";
                session.upload(file, 5, OUTBOX, name, name + ".part-00000000000" + i, new FtpSession.UploadState());
                resumed.add(client.lastDataSessionResumed());
                session.fileNames(OUTBOX, candidate -> true);
                resumed.add(client.lastDataSessionResumed());
            }
        }

        assertThat(resumed).hasSize(8).containsOnly(true);
    }

    @Test
    void aDataConnectionThatCouldNotResumeIsReportedAsANewSession() throws IOException {
        MailboxServer server = serve(TlsMode.EXPLICIT, certificates.localhostKeyStore);
        FtpSettings settings = trusting(settings(server, TlsMode.EXPLICIT), certificates.localhostTrustStore);
        // with TLS 1.2 the control connection's session is the one cached, under its ID
        ServerTrust trust = new ServerTrust(settings, "TLSv1.2");

        try (FtpSession session = FtpSession.open(settings, trust)) {
            SSLSessionContext cache = trust.context().getClientSessionContext();
            for (byte[] id : Collections.list(cache.getIds())) {
                cache.getSession(id).invalidate();
            }
            session.fileNames(Folder.SINCRO_AG, candidate -> true);

            assertThat(((ResumingFtpsClient) session.client()).lastDataSessionResumed()).isFalse();
        }
    }

    @Test
    void aCertificateNotSignedByATrustedAuthorityIsRefusedWithItsFingerprint() {
        MailboxServer server = serve(TlsMode.EXPLICIT, certificates.localhostKeyStore);
        // no trust store: only the public authorities of the Java runtime are trusted
        FtpMailbox mailbox = mailbox(settings(server, TlsMode.EXPLICIT));

        assertThatThrownBy(mailbox::open)
                .isInstanceOfSatisfying(MailboxException.class, e -> {
                    assertThat(e.isTransient()).isFalse();
                    assertThat(e.step()).isEqualTo(Step.CONNECT);
                    assertThat(e.getMessage())
                            .contains("is not signed by an authority this computer trusts")
                            .contains("SHA-256 " + certificates.localhostFingerprint)
                            .contains("ftp.certificateSha256=" + certificates.localhostFingerprint);
                });
        assertThat(events).isEmpty();
    }

    @Test
    void aCertificateForAnotherHostIsRefusedEvenWhenItsChainIsTrusted() {
        MailboxServer server = serve(TlsMode.EXPLICIT, certificates.elsewhereKeyStore);
        FtpMailbox mailbox = mailbox(trusting(settings(server, TlsMode.EXPLICIT), certificates.elsewhereTrustStore));

        assertThatThrownBy(mailbox::open)
                .isInstanceOfSatisfying(MailboxException.class, e -> {
                    assertThat(e.isTransient()).isFalse();
                    assertThat(e.getMessage())
                            .contains("the server's certificate is for elsewhere.example, not for 127.0.0.1")
                            .contains("set ftp.host to a name the certificate is for");
                });
        assertThat(events).isEmpty();
    }

    @Test
    void aPinnedCertificateIsAcceptedWithoutAChainOrAMatchingName() throws IOException {
        MailboxServer server = serve(TlsMode.EXPLICIT, certificates.elsewhereKeyStore);
        FtpMailbox mailbox = mailbox(settings(server, TlsMode.EXPLICIT)
                .withCertificateSha256(certificates.elsewhereFingerprint));
        mailbox.createFolder(OUTBOX);

        mailbox.upload(Files.writeString(local.resolve("p"), "order"), OUTBOX, "A01-000001.sincro");

        assertThat(mailbox.list(OUTBOX)).containsExactly("A01-000001.sincro");
    }

    @Test
    void aCertificateOtherThanThePinnedOneIsRefused() {
        MailboxServer server = serve(TlsMode.IMPLICIT, certificates.localhostKeyStore);
        FtpMailbox mailbox = mailbox(settings(server, TlsMode.IMPLICIT)
                .withCertificateSha256(certificates.elsewhereFingerprint));

        assertThatThrownBy(mailbox::open)
                .isInstanceOfSatisfying(MailboxException.class, e -> {
                    assertThat(e.isTransient()).isFalse();
                    assertThat(e.getMessage())
                            .contains("has SHA-256 " + certificates.localhostFingerprint + ", not the one in ftp.certificateSha256")
                            .contains("someone may be intercepting the connection");
                });
    }

    @Test
    void askingForFtpsFromAServerWithoutTlsSaysSo() {
        MailboxServer server = serve(TlsMode.NONE, null);
        FtpMailbox mailbox = mailbox(settings(server, TlsMode.EXPLICIT).withRetries(2, Duration.ofMillis(5)));

        assertThatThrownBy(mailbox::open)
                .isInstanceOfSatisfying(MailboxException.class, e -> {
                    assertThat(e.isTransient()).isFalse();
                    assertThat(e.getMessage()).contains("switching to TLS (AUTH TLS)")
                            .contains("the server does not offer FTPS");
                });
    }

    @Test
    void implicitTlsAgainstAPlainServerSaysWhichSettingsToCheck() {
        MailboxServer server = serve(TlsMode.NONE, null);
        FtpMailbox mailbox = mailbox(settings(server, TlsMode.IMPLICIT));

        assertThatThrownBy(mailbox::open)
                .isInstanceOfSatisfying(MailboxException.class, e -> {
                    assertThat(e.isTransient()).isFalse();
                    assertThat(e.getMessage()).contains("failed in the TLS handshake")
                            .contains("check ftp.tls (now implicit) and ftp.port");
                });
    }

    @Test
    void aServerWithExplicitTlsRefusesALoginBeforeAuthTls() throws IOException {
        MailboxServer server = serve(TlsMode.EXPLICIT, certificates.localhostKeyStore);
        FTPClient plain = new FTPClient();
        plain.connect("127.0.0.1", server.port());
        try {
            boolean loggedIn = plain.login(USER, PASSWORD);

            assertThat(loggedIn).isFalse();
            assertThat(plain.getReplyCode()).isEqualTo(530);
            assertThat(plain.getReplyString()).contains("requires AUTH TLS before the login");
        } finally {
            plain.disconnect();
        }
    }

    private MailboxServer serve(TlsMode mode, Path keyStore) {
        ServeOptions options = ServeOptions.loopback(root, 0).withUser(USER, PASSWORD);
        if (mode != TlsMode.NONE) {
            options = options.withTls(mode, keyStore, TestCertificates.PASSWORD);
        }
        MailboxServer server = MailboxServer.start(options, events::add);
        toClose.add(server);
        return server;
    }

    /**
     * The uploads and downloads the server reported, once it reported {@code count} of them or five
     * seconds passed: it reports a transfer on its own thread after answering the client, so the
     * client can be done before the report is.
     */
    private List<ServerEvent> transfersReported(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            List<ServerEvent> transfers = events.stream()
                    .filter(event -> event.action().equals("stored") || event.action().equals("retrieved"))
                    .toList();
            if (transfers.size() >= count || System.nanoTime() > deadline) {
                return transfers;
            }
            Thread.sleep(10);
        }
    }

    private static FtpSettings settings(MailboxServer server, TlsMode mode) {
        // no test here waits for a timeout: they only bound a server that never answers, and a TLS
        // handshake on a machine busy with a parallel build can take seconds
        return FtpSettings.of("127.0.0.1", server.port(), USER, PASSWORD, mode)
                .withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(30))
                .withRetries(0, Duration.ZERO);
    }

    private static FtpSettings trusting(FtpSettings settings, Path trustStore) {
        return settings.withTrustStore(trustStore, TestCertificates.PASSWORD);
    }

    private FtpMailbox mailbox(FtpSettings settings) {
        FtpMailbox mailbox = new FtpMailbox(settings, NAMES, Clock.systemUTC());
        toClose.add(mailbox);
        return mailbox;
    }
}
