package io.sincro.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.db.testing.Rows;
import io.sincro.db.testing.TestClock;
import io.sincro.exchange.Folder;
import io.sincro.exchange.Mailbox;

/** The loopback mailbox is a real FTP server, of the test's own, on a port of its own. */
class LoopbackMailboxTest {

    @RegisterExtension
    final LoopbackMailbox mailbox = LoopbackMailbox.withUser("sincro", "s3cret");

    @TempDir
    Path dir;

    @Test
    void whatAStationUploadsWaitsInTheServedFolder() throws IOException {
        Path file = Files.writeString(dir.resolve("HQ_to_A01_000000001.sincro"), "a package");
        Folder a01 = Folder.toAgent("A01");

        try (Mailbox box = mailbox.open(new TestClock(Rows.T0))) {
            box.createFolder(a01);
            box.upload(file, a01, "HQ_to_A01_000000001.sincro");
        }

        assertThat(mailbox.packagesIn(a01.path())).containsExactly("HQ_to_A01_000000001.sincro");
        assertThat(mailbox.served(a01.path()).resolve("HQ_to_A01_000000001.sincro")).hasContent("a package");
    }

    @Test
    void pointingAStationAtTheMailboxWritesItsPortIntoTheSettings() throws IOException {
        Path station = Files.createDirectories(dir.resolve("hq"));
        Files.writeString(station.resolve("sincro.properties"), "role=head-office\nftp.host=127.0.0.1\nftp.port=21\n");

        mailbox.pointAt(station);

        assertThat(station.resolve("sincro.properties"))
                .hasContent("role=head-office\nftp.host=127.0.0.1\nftp.port=" + mailbox.port() + "\n");
        assertThat(mailbox.port()).isPositive().isNotEqualTo(21);
    }
}
