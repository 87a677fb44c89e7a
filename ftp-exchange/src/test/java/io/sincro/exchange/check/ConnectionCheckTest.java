package io.sincro.exchange.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.exchange.Folder;
import io.sincro.exchange.Mailbox;
import io.sincro.exchange.MailboxException;
import io.sincro.exchange.MailboxException.Step;
import io.sincro.exchange.PackageNames;
import io.sincro.exchange.folder.FolderMailbox;
import io.sincro.exchange.ftp.FtpMailbox;
import io.sincro.exchange.ftp.FtpSettings;
import io.sincro.exchange.ftp.TlsMode;
import io.sincro.exchange.server.MailboxServer;
import io.sincro.exchange.server.ServeOptions;

/** What {@code sincro check-connection} reports, one line per step. */
class ConnectionCheckTest {

    private static final PackageNames NAMES = PackageNames.endingWith(".sincro");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-04T05:06:07Z"), ZoneOffset.UTC);

    @TempDir
    Path root;

    private MailboxServer server;

    @BeforeEach
    void startServer() {
        server = MailboxServer.start(ServeOptions.loopback(root, 0).withUser("hq", "Check-Pa55"));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void onAWorkingServerEveryStepIsOkAndNothingIsLeftBehind() throws IOException {
        try (Mailbox mailbox = ftp("Check-Pa55")) {
            CheckReport report = check(mailbox, Folder.headOfficeFolders()).run(false);

            assertThat(report.passed()).isTrue();
            assertThat(report.lines()).extracting(CheckLine::toString).containsExactly(
                    "OK    log in to ftp://hq@127.0.0.1:" + server.port() + " (plain FTP)",
                    "OK    folder SincroAg",
                    "OK    list SincroAg (0 packages waiting)",
                    "OK    write in SincroAg",
                    "OK    rename in SincroAg",
                    "OK    read back from SincroAg",
                    "OK    delete in SincroAg",
                    "OK    folder SincroSede",
                    "OK    list SincroSede (0 packages waiting)",
                    "OK    write in SincroSede",
                    "OK    rename in SincroSede",
                    "OK    read back from SincroSede",
                    "OK    delete in SincroSede");
        }
        assertThat(filesUnder(root)).isEmpty();
    }

    @Test
    void missingFoldersAreReportedAndMadeWhenAsked() {
        try (Mailbox mailbox = ftp("Check-Pa55")) {
            CheckReport without = check(mailbox, Folder.agentFolders("A07")).run(false);

            assertThat(without.passed()).isFalse();
            assertThat(without.lines()).extracting(CheckLine::toString).containsExactly(
                    "OK    log in to ftp://hq@127.0.0.1:" + server.port() + " (plain FTP)",
                    "FAIL  folder SincroAg/A07: it does not exist in ftp://hq@127.0.0.1:" + server.port()
                            + " (plain FTP); run sincro check-connection --create, or create it on the server",
                    "FAIL  folder SincroSede/A07: it does not exist in ftp://hq@127.0.0.1:" + server.port()
                            + " (plain FTP); run sincro check-connection --create, or create it on the server");

            CheckReport with = check(mailbox, Folder.agentFolders("A07")).run(true);

            assertThat(with.passed()).isTrue();
            assertThat(with.lines()).extracting(CheckLine::toString)
                    .contains("OK    folder SincroAg/A07 (created)", "OK    folder SincroSede/A07 (created)");
        }
        assertThat(root.resolve("SincroAg/A07")).isDirectory();
        assertThat(root.resolve("SincroSede/A07")).isDirectory();
    }

    @Test
    void aWrongPasswordStopsTheCheckAtTheLogin() {
        try (Mailbox mailbox = ftp("not-it")) {
            CheckReport report = check(mailbox, Folder.headOfficeFolders()).run(false);

            assertThat(report.lines()).hasSize(1);
            assertThat(report.lines().get(0).toString())
                    .startsWith("FAIL  log in to ftp://hq@127.0.0.1:" + server.port() + " (plain FTP): login of user hq")
                    .contains("reply 530")
                    .endsWith("check ftp.username and the password (SINCRO_FTP_PASSWORD, ftp.passwordFile or ftp.password)");
        }
    }

    @Test
    void aUserWhoCannotDeleteIsToldWhatThatMeansForTheExchange() {
        Mailbox refusing = new Refusing(new FolderMailbox(root, NAMES), Step.DELETE);

        CheckReport report = check(refusing, List.of(Folder.SINCRO_AG)).run(false);

        assertThat(report.passed()).isFalse();
        CheckLine delete = report.lines().get(report.lines().size() - 1);
        assertThat(delete.toString()).startsWith("FAIL  delete in SincroAg: the user cannot delete in SincroAg,"
                + " so collected packages could never be cleared: refused for the test")
                .endsWith("(then remove sincro-check-20250304-050607-" + probeToken() + ".probe from SincroAg by hand)");
    }

    @Test
    void aRefusedRenameIsReportedSeparatelyFromTheWrite() {
        Mailbox refusing = new Refusing(new FolderMailbox(root, NAMES), Step.RENAME);

        CheckReport report = check(refusing, List.of(Folder.SINCRO_SEDE)).run(false);

        assertThat(report.lines()).extracting(CheckLine::toString).contains(
                "OK    write in SincroSede",
                "FAIL  rename in SincroSede: the user cannot rename in SincroSede, so uploads could never be completed"
                        + " and the other side would never see a package: refused for the test");
    }

    @Test
    void aTransientFailureIsReportedWithoutBlamingTheUsersRights() {
        Mailbox refusing = new Refusing(new FolderMailbox(root, NAMES), Step.LIST, true);

        CheckReport report = check(refusing, List.of(Folder.SINCRO_AG)).run(false);

        assertThat(report.lines().get(report.lines().size() - 1).toString())
                .isEqualTo("FAIL  list SincroAg: refused for the test");
    }

    @Test
    void aProbeThatComesBackChangedMeansPackagesWouldArriveDamaged() {
        Mailbox damaging = new Damaging(new FolderMailbox(root, NAMES));

        CheckReport report = check(damaging, List.of(Folder.SINCRO_AG)).run(false);

        assertThat(report.lines()).extracting(CheckLine::toString)
                .anyMatch(line -> line.startsWith("FAIL  read back from SincroAg: the probe came back changed"));
        assertThat(report.lines()).extracting(CheckLine::toString).contains("OK    delete in SincroAg");
    }

    private ConnectionCheck check(Mailbox mailbox, List<Folder> folders) {
        return new ConnectionCheck(mailbox, folders, CLOCK, new Random(7));
    }

    private Mailbox ftp(String password) {
        FtpSettings settings = FtpSettings.of("127.0.0.1", server.port(), "hq", password, TlsMode.NONE)
                .withRetries(0, Duration.ZERO);
        return new FtpMailbox(settings, NAMES, Clock.systemUTC());
    }

    private static String probeToken() {
        byte[] token = new byte[3];
        new Random(7).nextBytes(token);
        return java.util.HexFormat.of().formatHex(token);
    }

    private static List<Path> filesUnder(Path folder) throws IOException {
        try (Stream<Path> tree = Files.walk(folder)) {
            return tree.filter(Files::isRegularFile).toList();
        }
    }

    /** A mailbox that works except for one step, which it refuses. */
    private static class Refusing implements Mailbox {

        private final Mailbox mailbox;
        private final Step refused;
        private final boolean transientFailure;

        Refusing(Mailbox mailbox, Step refused) {
            this(mailbox, refused, false);
        }

        Refusing(Mailbox mailbox, Step refused, boolean transientFailure) {
            this.mailbox = mailbox;
            this.refused = refused;
            this.transientFailure = transientFailure;
        }

        private void maybeRefuse(Step step) {
            if (step == refused) {
                throw new MailboxException("refused for the test", step, transientFailure, null, null);
            }
        }

        @Override
        public String location() {
            return mailbox.location();
        }

        @Override
        public List<String> temporaryUploads(Folder folder) {
            maybeRefuse(Step.LIST);
            return mailbox.temporaryUploads(folder);
        }

        @Override
        public void open() {
            maybeRefuse(Step.LOGIN);
            mailbox.open();
        }

        @Override
        public boolean folderExists(Folder folder) {
            return mailbox.folderExists(folder);
        }

        @Override
        public void createFolder(Folder folder) {
            maybeRefuse(Step.FOLDER);
            mailbox.createFolder(folder);
        }

        @Override
        public List<String> list(Folder folder) {
            maybeRefuse(Step.LIST);
            return mailbox.list(folder);
        }

        @Override
        public OptionalLong size(Folder folder, String name) {
            return mailbox.size(folder, name);
        }

        @Override
        public Optional<Instant> modifiedAt(Folder folder, String name) {
            return mailbox.modifiedAt(folder, name);
        }

        @Override
        public void upload(Path localFile, Folder folder, String name) {
            maybeRefuse(Step.WRITE);
            maybeRefuse(Step.RENAME);
            mailbox.upload(localFile, folder, name);
        }

        @Override
        public void download(Folder folder, String name, Path localFile, LongConsumer sizeFound) {
            maybeRefuse(Step.READ);
            mailbox.download(folder, name, localFile, sizeFound);
        }

        @Override
        public void delete(Folder folder, String name) {
            maybeRefuse(Step.DELETE);
            mailbox.delete(folder, name);
        }

        @Override
        public void close() {
            mailbox.close();
        }
    }

    /** A mailbox whose downloads come back with one byte changed, like a text-mode transfer. */
    private static final class Damaging extends Refusing {
        Damaging(Mailbox mailbox) {
            super(mailbox, null);
        }

        @Override
        public void download(Folder folder, String name, Path localFile, LongConsumer sizeFound) {
            super.download(folder, name, localFile, sizeFound);
            try {
                byte[] bytes = Files.readAllBytes(localFile);
                bytes[0] ^= 1;
                Files.write(localFile, bytes);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
