package io.sincro.exchange.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.sincro.exchange.Folder;
import io.sincro.exchange.PackageNames;
import io.sincro.exchange.check.CheckLine;
import io.sincro.exchange.check.CheckReport;
import io.sincro.exchange.check.ConnectionCheck;
import io.sincro.exchange.sftp.SftpMailbox;
import io.sincro.exchange.sftp.SftpSettings;

/** OpenSSH: the connection check proves every right with a key login (Ed25519) and for a chrooted user. */
class OpenSshLoginsIT {

    private InteropServers servers;

    @BeforeEach
    void findServers() {
        servers = InteropServers.require();
    }

    @Test
    void anEd25519KeyLogsInAndHasEveryRight() {
        servers.clear(servers.fullUser());

        CheckReport report = check(servers.sftp(servers.fullUser()).withPrivateKey(servers.privateKey()));

        assertThat(report.lines()).allMatch(CheckLine::ok);
    }

    @Test
    void aChrootedUserHasEveryRightInsideItsMailbox() {
        servers.clear(servers.chrootedUser());

        CheckReport report = check(servers.sftp(servers.chrootedUser()));

        assertThat(report.lines()).allMatch(CheckLine::ok);
    }

    private static CheckReport check(SftpSettings settings) {
        try (SftpMailbox mailbox = new SftpMailbox(settings, PackageNames.endingWith(".sincro"))) {
            return new ConnectionCheck(mailbox, Folder.agentFolders("A01"), Clock.systemUTC(), new Random(7)).run(true);
        }
    }
}
