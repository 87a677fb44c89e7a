package io.sincro.exchange.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.time.Clock;
import java.util.Random;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.sincro.exchange.Folder;
import io.sincro.exchange.MailboxException;
import io.sincro.exchange.PackageNames;
import io.sincro.exchange.ftp.FtpMailbox;
import io.sincro.exchange.testing.SmallDisk;

/**
 * The FTP server's disk filled for real: a small disk of its own (tmpfs) mounted in the user's home
 * on the real vsftpd and pure-ftpd of the interop suite, filled, and a package sent into it. The
 * refusal names the full disk first (and the permission only as the other possible cause), and once
 * there is room again the same package goes.
 */
class ServerDiskFullIT {

    private static final PackageNames NAMES = PackageNames.endingWith(".sincro");
    private static final String PACKAGE = "A01_to_HQ_000000001.sincro";

    @TempDir
    Path local;

    @ParameterizedTest
    @EnumSource(value = InteropServers.Ftp.class, names = {"VSFTPD_PLAIN", "PURE_FTPD_TLS_REQUIRED"})
    void aPackageSentToAFullServerDiskSaysTheDiskIsFullAndGoesOnceThereIsRoom(InteropServers.Ftp server)
            throws IOException {
        InteropServers servers = InteropServers.require();
        String user = servers.fullUser();
        String name = "full-" + server.name().toLowerCase() + "-" + Long.toHexString(new Random().nextLong());
        Path package1 = local.resolve(PACKAGE);
        byte[] content = new byte[200 * 1024];
        new Random(42).nextBytes(content);
        Files.write(package1, content);
        try (SmallDisk disk = SmallDisk.mount(Path.of(servers.get("home." + user), name), 1)) {
            UserPrincipal owner = disk.folder().getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
            Files.setOwner(disk.folder(), owner);
            FtpMailbox mailbox = new FtpMailbox(servers.ftp(server, user).withDirectory(name), NAMES, Clock.systemUTC());
            Folder folder = Folder.fromAgent("A01");
            try (mailbox) {
                mailbox.createFolder(folder);
                disk.fillLeaving(0);

                MailboxException full = catchThrowableOfType(() -> mailbox.upload(package1, folder, PACKAGE),
                        MailboxException.class);

                assertThat(full).as("the upload to a full disk on " + server).isNotNull();
                String message = full.getMessage();
                assertThat(message).as(message).containsPattern("reply (451|452|552)")
                        .contains("disk is full or user " + user + "'s quota is used up", "ask the server's"
                                + " administrator for space");
                if (message.contains("may not write")) {
                    assertThat(message.indexOf("disk is full")).as(message).isLessThan(message.indexOf("may not write"));
                }
                assertThat(mailbox.exists(folder, PACKAGE)).isFalse();

                disk.empty();
                mailbox.upload(package1, folder, PACKAGE);
                assertThat(mailbox.size(folder, PACKAGE)).hasValue(content.length);
            }
        }
    }
}
