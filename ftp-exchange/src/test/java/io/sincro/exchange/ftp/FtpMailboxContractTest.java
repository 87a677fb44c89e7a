package io.sincro.exchange.ftp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import io.sincro.exchange.Mailbox;
import io.sincro.exchange.MailboxContract;
import io.sincro.exchange.TestCertificates;
import io.sincro.exchange.server.MailboxServer;
import io.sincro.exchange.server.ServeOptions;

/** The FTP mailbox on the embedded Apache FtpServer, in plain FTP (subclasses: FTPS). */
class FtpMailboxContractTest extends MailboxContract {

    static final String USER = "agent01";
    static final String PASSWORD = "s3cret-Pa55";

    private Path root;
    private MailboxServer server;

    /** How the server is protected. */
    TlsMode tls() {
        return TlsMode.NONE;
    }

    @BeforeAll
    void startServer() throws IOException {
        root = Files.createTempDirectory("sincro-ftp-root");
        ServeOptions options = ServeOptions.loopback(root, 0).withUser(USER, PASSWORD);
        if (tls() != TlsMode.NONE) {
            options = options.withTls(tls(), TestCertificates.get().localhostKeyStore, TestCertificates.PASSWORD);
        }
        server = MailboxServer.start(options);
    }

    @AfterAll
    void stopServer() throws IOException {
        server.close();
        deleteContents(root);
        Files.delete(root);
    }

    @Override
    protected Path storage() {
        return root;
    }

    @Override
    protected Mailbox newMailbox() {
        FtpSettings settings = FtpSettings.of("127.0.0.1", server.port(), USER, PASSWORD, tls())
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5))
                .withRetries(1, Duration.ofMillis(10));
        if (tls() != TlsMode.NONE) {
            settings = settings.withTrustStore(TestCertificates.get().localhostTrustStore, TestCertificates.PASSWORD);
        }
        return new FtpMailbox(settings, NAMES, Clock.systemUTC());
    }
}
