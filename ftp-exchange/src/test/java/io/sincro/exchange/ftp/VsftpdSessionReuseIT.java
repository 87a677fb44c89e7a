package io.sincro.exchange.ftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.sincro.exchange.Folder;
import io.sincro.exchange.PackageNames;
import io.sincro.exchange.check.CheckLine;
import io.sincro.exchange.check.CheckReport;
import io.sincro.exchange.check.ConnectionCheck;
import io.sincro.exchange.interop.InteropServers;
import io.sincro.exchange.interop.InteropServers.Ftp;

/**
 * vsftpd with its usual TLS settings (TLS required for login and data, require_ssl_reuse=YES):
 * every data connection of a long session resumes the control connection's TLS session, over
 * TLS 1.3 and TLS 1.2 (RELIABILITY 17), and the connection check tells the rights of users the
 * administrator limited.
 */
class VsftpdSessionReuseIT {

    private static final Folder OUTBOX = Folder.fromAgent("A01");
    private static final int PACKAGES = 12;

    @TempDir
    Path local;
    private InteropServers servers;

    @BeforeEach
    void emptyTheMailbox() {
        servers = InteropServers.require();
        servers.clear(servers.fullUser());
    }

    @ParameterizedTest(name = "{0} over {1}")
    @CsvSource({"VSFTPD_EXPLICIT, TLS, TLSv1.3", "VSFTPD_EXPLICIT, TLSv1.2, TLSv1.2", "VSFTPD_IMPLICIT, TLS, TLSv1.3"})
    void everyDataConnectionOfALongSessionResumesTheControlSession(Ftp server, String context, String version)
            throws IOException {
        FtpSettings settings = servers.ftp(server, servers.fullUser());
        List<Boolean> resumed = new ArrayList<>();

        try (FtpSession session = FtpSession.open(settings, new ServerTrust(settings, context))) {
            ResumingFtpsClient client = (ResumingFtpsClient) session.client();
            assertThat(client.controlProtocol()).isEqualTo(version);
            session.createFolder(OUTBOX);
            for (int i = 1; i <= PACKAGES; i++) {
                String name = String.format("A01_to_HQ_%09d.sincro", i);
                Path file = Files.write(local.resolve(name), new byte[1000 + i]);
                session.upload(file, 1000 + i, OUTBOX, name, name + ".part-0000000000aa", new FtpSession.UploadState());
                resumed.add(client.lastDataSessionResumed());
                assertThat(session.fileNames(OUTBOX, candidate -> true)).contains(name);
                resumed.add(client.lastDataSessionResumed());
                session.download(OUTBOX, name, local.resolve("back"), local.resolve("back.part"), size -> { });
                resumed.add(client.lastDataSessionResumed());
            }
        }

        assertThat(resumed).hasSize(3 * PACKAGES).containsOnly(true);
    }

    @Test
    void aUserWithoutTheDeleteRightIsToldExactlyThat() {
        String user = servers.noDeleteUser();
        servers.clear(user);

        CheckReport report = check(user);

        assertThat(report.passed()).isFalse();
        assertThat(report.lines()).filteredOn(line -> !line.ok())
                .extracting(CheckLine::toString)
                .allMatch(line -> line.contains("delete in SincroAg/A01") || line.contains("delete in SincroSede/A01"))
                .anyMatch(line -> line.contains("the user cannot delete in SincroAg/A01"));
    }

    @Test
    void aChrootedUserHasEveryRightInsideItsMailbox() {
        String user = servers.chrootedUser();
        servers.clear(user);

        CheckReport report = check(user);

        assertThat(report.lines()).allMatch(CheckLine::ok);
    }

    private CheckReport check(String user) {
        try (FtpMailbox mailbox = new FtpMailbox(servers.ftp(Ftp.VSFTPD_EXPLICIT, user),
                PackageNames.endingWith(".sincro"), Clock.systemUTC())) {
            return new ConnectionCheck(mailbox, Folder.agentFolders("A01"), Clock.systemUTC(), new Random(7)).run(true);
        }
    }
}
