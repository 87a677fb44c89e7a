package io.sincro.exchange.interop;

import io.sincro.exchange.Mailbox;
import io.sincro.exchange.sftp.SftpMailbox;

/** The mailbox promises over SFTP on OpenSSH (internal-sftp), password login, host key pinned. */
class OpenSshSftpContractIT extends RealServerContract {

    @Override
    Mailbox mailboxOn(InteropServers servers) {
        return new SftpMailbox(servers.sftp(servers.fullUser()), NAMES);
    }
}
