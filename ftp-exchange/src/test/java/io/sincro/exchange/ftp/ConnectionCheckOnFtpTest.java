package io.sincro.exchange.ftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.mockftpserver.core.command.CommandNames;
import org.mockftpserver.core.command.StaticReplyCommandHandler;

import io.sincro.exchange.Folder;
import io.sincro.exchange.check.CheckLine;
import io.sincro.exchange.check.CheckReport;
import io.sincro.exchange.check.ConnectionCheck;

/** The connection check on an FTP server that lets the agent write but not delete. */
class ConnectionCheckOnFtpTest {

    @Test
    void aServerThatRefusesDeletionIsReportedWithWhatItMeansAndWhatToDo() {
        try (FakeServer server = FakeServer.unix()) {
            server.handle(CommandNames.DELE, new StaticReplyCommandHandler(550, "Permission denied."));
            try (FtpMailbox mailbox = server.mailbox()) {
                CheckReport report = new ConnectionCheck(mailbox, Folder.agentFolders("A01"), Clock.systemUTC(),
                        new Random()).run(false);

                List<String> lines = report.lines().stream().map(CheckLine::toString).toList();
                assertThat(lines).contains("OK    write in SincroAg/A01", "OK    rename in SincroAg/A01",
                        "OK    read back from SincroAg/A01");
                assertThat(lines).filteredOn(line -> line.startsWith("FAIL  delete in SincroAg/A01"))
                        .singleElement().asString()
                        .contains("the user cannot delete in SincroAg/A01, so collected packages could never be cleared")
                        .contains("(reply 550 Permission denied.)")
                        .contains("ask the server's administrator to let user agent01 delete files in SincroAg/A01");
                assertThat(report.passed()).isFalse();
            }
        }
    }
}
