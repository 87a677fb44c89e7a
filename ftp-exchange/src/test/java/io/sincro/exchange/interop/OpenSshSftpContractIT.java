package io.sincro.exchange.interop;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import io.sincro.exchange.Mailbox;
import io.sincro.exchange.MailboxContract;
import io.sincro.exchange.sftp.SftpMailbox;

/** The mailbox promises over SFTP on OpenSSH (internal-sftp), password login, host key pinned. */
class OpenSshSftpContractIT extends MailboxContract {

    private InteropServers servers;

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
        return new SftpMailbox(servers.sftp(servers.fullUser()), NAMES);
    }
}
