package io.sincro.exchange.interop;

import java.time.Clock;

import io.sincro.exchange.Mailbox;
import io.sincro.exchange.ftp.FtpMailbox;

/** The mailbox promises on a real FTP server of the interop suite (subclasses: which one). */
abstract class RealFtpServerContract extends RealServerContract {

    abstract InteropServers.Ftp server();

    @Override
    Mailbox mailboxOn(InteropServers servers) {
        return new FtpMailbox(servers.ftp(server(), servers.fullUser()), NAMES, Clock.systemUTC());
    }
}
