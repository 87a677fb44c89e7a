package io.sincro.exchange.interop;

import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import io.sincro.exchange.Mailbox;
import io.sincro.exchange.MailboxContract;
import io.sincro.exchange.ftp.FtpMailbox;

/** The mailbox promises on a real FTP server of the interop suite (subclasses: which one). */
abstract class RealFtpServerContract extends MailboxContract {

    private InteropServers servers;

    abstract InteropServers.Ftp server();

    @BeforeAll
    void findServers() {
        servers = InteropServers.require();
    }

    /** Runs after the contract's own set-up, which made the folders as root. */
    @BeforeEach
    void giveTheFoldersToTheUser() {
        servers.handOver(servers.fullUser());
    }

    @Override
    protected Path storage() {
        return servers.mailbox(servers.fullUser());
    }

    @Override
    protected Mailbox newMailbox() {
        return new FtpMailbox(servers.ftp(server(), servers.fullUser()), NAMES, Clock.systemUTC());
    }
}
