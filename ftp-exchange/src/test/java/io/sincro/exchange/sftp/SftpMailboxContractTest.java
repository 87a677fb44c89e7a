package io.sincro.exchange.sftp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import io.sincro.exchange.Mailbox;
import io.sincro.exchange.MailboxContract;
import io.sincro.exchange.server.SftpMailboxServer;
import io.sincro.exchange.server.SftpServeOptions;

/** The mailbox promises over SFTP, on the embedded MINA SSHD server. */
class SftpMailboxContractTest extends MailboxContract {

    static final String USER = "agent01";
    static final String PASSWORD = "s3cret-Pa55";

    private Path root;
    private Path keys;
    private SftpMailboxServer server;

    @BeforeAll
    void startServer() throws IOException {
        root = Files.createTempDirectory("sincro-sftp-root");
        keys = Files.createTempDirectory("sincro-sftp-keys");
        server = SftpMailboxServer.start(SftpServeOptions.loopback(root, 0, USER, PASSWORD, keys.resolve("host-key")));
    }

    @AfterAll
    void stopServer() throws IOException {
        server.close();
        deleteContents(root);
        Files.delete(root);
        deleteContents(keys);
        Files.delete(keys);
    }

    @Override
    protected Path storage() {
        return root;
    }

    @Override
    protected Mailbox newMailbox() {
        SftpSettings settings = SftpSettings.of("127.0.0.1", server.port(), USER, PASSWORD)
                .withHostKeySha256(server.hostKeySha256())
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5))
                .withRetries(1, Duration.ofMillis(10));
        return new SftpMailbox(settings, NAMES);
    }
}
