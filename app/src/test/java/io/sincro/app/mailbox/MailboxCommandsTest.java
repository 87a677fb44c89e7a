package io.sincro.app.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import io.sincro.app.CliRun;
import io.sincro.app.CliRun.Result;
import io.sincro.app.SampleHeadOffice;
import io.sincro.app.SincroCommand;
import io.sincro.app.cli.AppEnvironment;
import io.sincro.db.testing.TestClock;
import io.sincro.exchange.Folder;
import io.sincro.exchange.PackageNames;
import io.sincro.exchange.ftp.FtpMailbox;
import io.sincro.exchange.ftp.FtpSettings;
import io.sincro.exchange.ftp.TlsMode;
import io.sincro.testing.LoopbackMailbox;

/** {@code sincro check-connection} and {@code sincro mailbox serve} from the command line. */
class MailboxCommandsTest {

    private static final String PASSWORD = "Cli-Pa55word";

    /** The mailbox the station's settings name: the embedded server, serving a folder of each test's own. */
    @RegisterExtension
    final LoopbackMailbox server = LoopbackMailbox.withUser("hq", PASSWORD);

    @TempDir
    Path station;
    /** Where {@code sincro mailbox serve} is told to serve. */
    @TempDir
    Path trial;

    private final TestClock clock = TestClock.at("2026-03-02T08:00:00Z");

    @Test
    void checkConnectionAtTheHeadOfficeProvesEveryRightAndExits0() throws IOException {
        settings("role=head-office");

        Result result = sincro().run("check-connection");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).as(result.toString())
                .contains("OK    log in to ftp://hq@127.0.0.1:" + server.port() + " (plain FTP)")
                .contains("OK    write in SincroAg", "OK    rename in SincroAg", "OK    read back from SincroAg",
                        "OK    delete in SincroAg", "OK    delete in SincroSede")
                .contains("The mailbox is ready (head office).")
                .doesNotContain("FAIL");
    }

    @Test
    void anAgentsMissingFoldersFailWithExit1AndCreateMakesThem() throws IOException {
        settings("role=agent\nagent.code=A01");

        Result without = sincro().run("check-connection");

        assertThat(without.exitCode()).as(without.toString()).isEqualTo(1);
        assertThat(without.out()).as(without.toString())
                .contains("FAIL  folder SincroAg/A01: it does not exist in ftp://hq@127.0.0.1:" + server.port()
                        + " (plain FTP); run sincro check-connection --create, or create it on the server")
                .contains("The mailbox is not ready: fix what the FAIL lines say, then run sincro check-connection again.");

        Result with = sincro().run("check-connection", "--create");

        assertThat(with.exitCode()).as(with.toString()).isZero();
        assertThat(with.out()).contains("OK    folder SincroAg/A01 (created)", "OK    folder SincroSede/A01 (created)",
                "OK    delete in SincroSede/A01");
        assertThat(server.served("SincroSede/A01")).isDirectory();
    }

    @Test
    void createAtTheHeadOfficeMakesEveryAgentsFolders() throws IOException {
        SampleHeadOffice.copyTo(station);
        Files.writeString(station.resolve("sincro.properties"), "ftp.host=127.0.0.1\nftp.port=" + server.port()
                + "\nftp.username=hq\nftp.tls=none\nftp.retries=0\n", StandardOpenOption.APPEND);

        Result result = sincro().run("check-connection", "--create");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).as(result.toString()).contains(
                "OK    folder SincroAg/A01 (created)", "OK    folder SincroSede/A01 (created)",
                "OK    folder SincroAg/A03 (created)", "OK    folder SincroSede/A03 (created)");
        for (String agent : List.of("A01", "A02", "A03")) {
            assertThat(server.served("SincroAg/" + agent)).isDirectory();
            assertThat(server.served("SincroSede/" + agent)).isDirectory();
        }
    }

    @Test
    void prepareAgentMakesTheAgentsFoldersOrSaysTheHeadOfficesSyncWill() throws IOException {
        SampleHeadOffice.copyTo(station);
        Files.writeString(station.resolve("sincro.properties"), "ftp.host=127.0.0.1\nftp.port=" + server.port()
                + "\nftp.username=hq\nftp.tls=none\nftp.retries=0\n", StandardOpenOption.APPEND);

        Result made = sincro().run("hq", "prepare-agent", "A02", "--out", "a02");

        assertThat(made.exitCode()).as(made.toString()).isZero();
        assertThat(made.out()).as(made.toString()).contains("Made its folders SincroAg/A02 and SincroSede/A02 in ftp://hq@");
        assertThat(server.served("SincroAg/A02")).isDirectory();
        assertThat(server.served("SincroSede/A02")).isDirectory();

        server.close();
        Result unreachable = sincro().run("hq", "prepare-agent", "A03", "--out", "a03");

        assertThat(unreachable.exitCode()).as(unreachable.toString()).isZero();
        assertThat(unreachable.err()).as(unreachable.toString()).contains("sincro: warning: its folders SincroAg/A03 and"
                + " SincroSede/A03 could not be made in the mailbox now (").contains("the head office's next sync makes them");
    }

    @Test
    void aWrongPasswordIsOneFailLineAndExit1WithoutShowingAnyPassword() throws IOException {
        settings("role=head-office");

        Result result = new CliRun(station, clock, Map.of("SINCRO_FTP_PASSWORD", "old-" + PASSWORD)).run("check-connection");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.out()).as(result.toString())
                .contains("FAIL  log in to ftp://hq@127.0.0.1:" + server.port() + " (plain FTP): login of user hq")
                .contains("check ftp.username and the password");
        assertThat(result.out() + result.err()).doesNotContain(PASSWORD);
    }

    @Test
    void aMissingMailboxSettingIsOneSentenceOnStandardError() throws IOException {
        Files.writeString(station.resolve("sincro.properties"), "role=head-office\nftp.username=hq\n");

        Result result = sincro().run("check-connection");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err().strip()).as(result.toString())
                .isEqualTo("sincro: ftp.host is missing from sincro.properties; set it to the FTP server's name or address");
    }

    @Test
    void aSharedFolderCanBeTheMailbox() throws IOException {
        Files.writeString(station.resolve("sincro.properties"), "role=agent\nagent.code=A02\nmailbox.folder=shared\n");
        Files.createDirectories(station.resolve("shared"));

        Result result = sincro().run("check-connection", "--create");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("OK    log in to " + station.resolve("shared"), "OK    delete in SincroAg/A02");
    }

    @Test
    void mailboxServeServesUntilStoppedAndSaysWhatStationsNeed() throws Exception {
        Path root = trial.resolve("mailbox");
        LiveOutput out = new LiveOutput("Press Ctrl+C to stop.");
        CommandLine commandLine = SincroCommand.commandLine(new AppEnvironment(clock, Map.of(), station));
        commandLine.setOut(new PrintWriter(out, true));
        AtomicInteger exitCode = new AtomicInteger(-1);
        Thread serving = new Thread(() -> exitCode.set(commandLine.execute("mailbox", "serve", "--root", root.toString(),
                "--port", "0")));
        serving.start();
        try {
            assertThat(out.started.await(30, TimeUnit.SECONDS)).as(out.toString()).isTrue();
            Matcher port = Pattern.compile("ftp\\.port=(\\d+)").matcher(out.toString());
            assertThat(port.find()).as(out.toString()).isTrue();

            FtpSettings settings = FtpSettings.of("127.0.0.1", Integer.parseInt(port.group(1)), "anonymous", "guest",
                    TlsMode.NONE).withRetries(0, Duration.ZERO);
            try (FtpMailbox mailbox = new FtpMailbox(settings, PackageNames.endingWith(".sincro"), Clock.systemUTC())) {
                mailbox.upload(Files.writeString(station.resolve("p"), "order"), Folder.SINCRO_AG, "A01-000001.sincro");
            }
        } finally {
            serving.interrupt();
            serving.join(TimeUnit.SECONDS.toMillis(30));
        }

        assertThat(exitCode.get()).as(out.toString()).isZero();
        assertThat(root.resolve("SincroAg/A01-000001.sincro")).hasContent("order");
        assertThat(out.toString())
                .contains("Serving the mailbox " + root + " on 127.0.0.1:")
                .contains("  ftp.host=127.0.0.1", "  ftp.username=anonymous", "  ftp.tls=none")
                .contains("anonymous renamed to /SincroAg/A01-000001.sincro")
                .contains("Stopped serving " + root + ".");
    }

    @Test
    void mailboxServeSftpPrintsTheHostKeyToPinAndAStationWithThoseLinesHasEveryRight() throws Exception {
        Path root = trial.resolve("sftp-trial");
        LiveOutput out = new LiveOutput("Press Ctrl+C to stop.");
        CommandLine commandLine = SincroCommand.commandLine(
                new AppEnvironment(clock, Map.of("SINCRO_FTP_PASSWORD", PASSWORD), station));
        commandLine.setOut(new PrintWriter(out, true));
        AtomicInteger exitCode = new AtomicInteger(-1);
        Thread serving = new Thread(() -> exitCode.set(commandLine.execute("mailbox", "serve", "--sftp",
                "--root", root.toString(), "--port", "0", "--user", "hq")));
        serving.start();
        Result check;
        try {
            assertThat(out.started.await(30, TimeUnit.SECONDS)).as(out.toString()).isTrue();
            StringBuilder lines = new StringBuilder("role=head-office\nftp.retries=0\n");
            out.toString().lines().filter(line -> line.startsWith("  ftp.")).forEach(line -> lines.append(line.strip()).append('\n'));
            Files.writeString(station.resolve("sincro.properties"), lines);

            check = sincro().run("check-connection");
        } finally {
            serving.interrupt();
            serving.join(TimeUnit.SECONDS.toMillis(30));
        }

        assertThat(exitCode.get()).as(out.toString()).isZero();
        assertThat(out.toString())
                .contains("Serving the mailbox " + root + " on 127.0.0.1:")
                .containsPattern("has the SHA-256 fingerprint SHA256:[A-Za-z0-9+/]{43}; stations pin it")
                .contains("  ftp.protocol=sftp", "  ftp.username=hq")
                .containsPattern("  ftp.hostKeySha256=SHA256:[A-Za-z0-9+/]{43}");
        assertThat(check.exitCode()).as(check.toString()).isZero();
        assertThat(check.out()).contains("OK    log in to sftp://hq@127.0.0.1:", "(SFTP)", "OK    delete in SincroSede");
        assertThat(root.resolveSibling("sftp-trial-host-key")).exists();
    }

    @Test
    void anUnknownProtocolIsOneSentenceNamingTheKey() throws IOException {
        Files.writeString(station.resolve("sincro.properties"), "role=head-office\nftp.protocol=ftps\nftp.host=h\nftp.username=hq\n");

        Result result = sincro().run("check-connection");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("sincro: ftp.protocol in sincro.properties is 'ftps'; set it to ftp"
                + " (FTP, or FTPS with ftp.tls) or sftp");
    }

    @Test
    void mailboxServeRefusesAnonymousAccessFromTheNetwork() {
        Result result = sincro().run("mailbox", "serve", "--root", trial.toString(), "--port", "0", "--bind", "0.0.0.0");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("sincro: a mailbox server other computers can reach (0.0.0.0)"
                + " must not accept anonymous logins; give it a user and a password");
    }

    @Test
    void mailboxServeChecksItsOptionsBeforeStarting() {
        Result noPassword = new CliRun(station, clock).run("mailbox", "serve", "--root", "x", "--user", "agent01");
        Result noKeyStore = sincro().run("mailbox", "serve", "--root", "x", "--tls", "explicit");

        assertThat(noPassword.exitCode()).as(noPassword.toString()).isEqualTo(2);
        assertThat(noPassword.err()).contains("--user agent01 needs a password: give --password, or set SINCRO_FTP_PASSWORD");
        assertThat(noKeyStore.exitCode()).as(noKeyStore.toString()).isEqualTo(2);
        assertThat(noKeyStore.err()).contains("--tls explicit needs --keystore FILE");
        assertThat(station.resolve("x")).doesNotExist();
    }

    @Test
    void theMailboxCommandsHaveHelp() {
        for (String[] command : new String[][] {{"check-connection"}, {"mailbox", "serve"}}) {
            String[] args = java.util.Arrays.copyOf(command, command.length + 1);
            args[command.length] = "--help";
            Result result = sincro().run(args);
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.out()).contains("Usage: sincro " + String.join(" ", command));
        }
    }

    private CliRun sincro() {
        return new CliRun(station, clock, Map.of("SINCRO_FTP_PASSWORD", PASSWORD));
    }

    private void settings(String identity) throws IOException {
        Files.writeString(station.resolve("sincro.properties"), identity + "\n"
                + "ftp.host=127.0.0.1\n"
                + "ftp.port=" + server.port() + "\n"
                + "ftp.username=hq\n"
                + "ftp.tls=none\n"
                + "ftp.retries=0\n");
    }

    /** What the serving command printed so far, and a signal once it says it has started. */
    private static final class LiveOutput extends Writer {
        private final StringBuilder text = new StringBuilder();
        private final String startedWhen;
        final CountDownLatch started = new CountDownLatch(1);

        LiveOutput(String startedWhen) {
            this.startedWhen = startedWhen;
        }

        @Override
        public synchronized void write(char[] buffer, int offset, int length) {
            text.append(buffer, offset, length);
            if (text.indexOf(startedWhen) >= 0) {
                started.countDown();
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public synchronized String toString() {
            return text.toString();
        }
    }
}
