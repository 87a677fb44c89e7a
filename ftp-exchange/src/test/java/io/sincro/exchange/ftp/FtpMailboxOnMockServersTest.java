package io.sincro.exchange.ftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockftpserver.core.command.CommandHandler;
import org.mockftpserver.core.command.CommandNames;
import org.mockftpserver.core.command.StaticReplyCommandHandler;
import org.mockftpserver.core.session.SessionKeys;

import io.sincro.exchange.Folder;
import io.sincro.exchange.MailboxException;
import io.sincro.exchange.MailboxException.Step;
import io.sincro.exchange.PackageNames;

/**
 * The FTP mailbox against MockFtpServer's fake server made to misbehave: every reply the mailbox
 * handles, connections cut in the middle of transfers, stalls, and a Windows-style server.
 */
class FtpMailboxOnMockServersTest {

    private static final Folder OUTBOX = Folder.fromAgent("A01");
    private static final String FINAL = "/SincroAg/A01/A01-000042.sincro";

    @TempDir
    Path local;

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
    }

    // --- an upload cut off never appears under its final name (RELIABILITY 1) ---

    @Test
    void interruptedUploadNeverAppearsUnderItsFinalName() throws IOException {
        FakeServer server = started(FakeServer.unix());
        // the server keeps what arrived before the connection dropped, as real servers do
        server.handle(CommandNames.STOR, (command, session) -> {
            String path = server.pathOf(session, command.getRequiredParameter(0));
            session.sendReply(150, "Opening data connection.");
            session.openDataConnection();
            byte[] part = session.readData(1000);
            server.files().delete(path);
            server.put(path, part);
            session.closeDataConnection();
            session.close();
        });
        FtpMailbox mailbox = mailbox(server);
        Path sent = write("package", content(20_000));

        assertThatThrownBy(() -> mailbox.upload(sent, OUTBOX, "A01-000042.sincro"))
                .isInstanceOfSatisfying(MailboxException.class, e -> {
                    assertThat(e.isTransient()).isTrue();
                    assertThat(e.getMessage()).startsWith("upload of A01-000042.sincro to SincroAg/A01")
                            .contains("tried 3 times").endsWith("the next sync tries again");
                });
        assertThat(server.exists(FINAL)).isFalse();
        assertThat(server.namesIn("/SincroAg/A01")).allMatch(PackageNames::isTemporary);
        assertThat(server.count(CommandNames.RNTO)).isZero();
        assertThat(mailbox.list(OUTBOX)).isEmpty();
    }

    @Test
    void uploadThatTheServerStoredShortIsNeverRenamed() throws IOException {
        FakeServer server = started(FakeServer.unix());
        // the data connection closed "normally", so the server believes the short file is complete
        server.handle(CommandNames.STOR, (command, session) -> {
            String path = server.pathOf(session, command.getRequiredParameter(0));
            session.sendReply(150, "Opening data connection.");
            session.openDataConnection();
            byte[] all = session.readData();
            session.closeDataConnection();
            server.files().delete(path);
            server.put(path, java.util.Arrays.copyOf(all, all.length / 2));
            session.sendReply(226, "Transfer complete.");
        });
        FtpMailbox mailbox = mailbox(server);

        assertThatThrownBy(() -> mailbox.upload(write("package", content(4000)), OUTBOX, "A01-000042.sincro"))
                .isInstanceOf(MailboxException.class)
                .hasMessageContaining("was incomplete: the server kept 2000 of 4000 bytes");
        assertThat(server.exists(FINAL)).isFalse();
        assertThat(server.namesIn("/SincroAg/A01")).isEmpty();
    }

    // --- replies ---

    @Test
    void reply421InTheMiddleOfAnUploadIsRetriedOnANewConnection() throws IOException {
        FakeServer server = started(FakeServer.unix());
        AtomicInteger stores = new AtomicInteger();
        CommandHandler normal = server.original(CommandNames.STOR);
        server.handle(CommandNames.STOR, (command, session) -> {
            if (stores.getAndIncrement() > 0) {
                normal.handleCommand(command, session);
                return;
            }
            session.sendReply(150, "Opening data connection.");
            session.openDataConnection();
            session.readData();
            session.closeDataConnection();
            session.sendReply(421, "Timeout: closing control connection.");
            session.close();
        });
        byte[] content = content(5000);

        mailbox(server).upload(write("package", content), OUTBOX, "A01-000042.sincro");

        assertThat(server.content(FINAL)).isEqualTo(content);
        assertThat(server.count(CommandNames.USER)).isEqualTo(2);
        assertThat(server.namesIn("/SincroAg/A01")).containsExactly("A01-000042.sincro");
    }

    @Test
    void binaryTypeAndPassiveModeAreSetAgainAfterEveryReconnect() throws IOException {
        FakeServer server = started(FakeServer.unix());
        AtomicInteger stores = new AtomicInteger();
        CommandHandler normal = server.original(CommandNames.STOR);
        server.handle(CommandNames.STOR, (command, session) -> {
            if (stores.getAndIncrement() == 0) {
                session.sendReply(421, "Too busy, closing control connection.");
                session.close();
            } else {
                normal.handleCommand(command, session);
            }
        });
        FtpMailbox mailbox = mailbox(server);
        byte[] content = content(3000);

        mailbox.upload(write("package", content), OUTBOX, "A01-000042.sincro");
        mailbox.download(OUTBOX, "A01-000042.sincro", local.resolve("back"));

        assertThat(Files.readAllBytes(local.resolve("back"))).isEqualTo(content);
        List<String> commands = server.commands();
        assertThat(server.count(CommandNames.USER)).isEqualTo(2);
        assertThat(server.count("TYPE I")).isEqualTo(2);
        // each connection sets binary right after logging in, before any transfer
        for (int i = 0; i < commands.size(); i++) {
            if (commands.get(i).startsWith("PASS")) {
                assertThat(commands.get(i + 1)).isEqualTo("TYPE I");
            }
        }
        // every data transfer goes through a passive connection, never an active one
        for (int i = 0; i < commands.size(); i++) {
            String line = commands.get(i);
            if (Stream.of("STOR", "RETR", "NLST", "LIST").anyMatch(line::startsWith)) {
                assertThat(commands.get(i - 1)).isEqualTo("PASV");
            }
        }
        assertThat(server.count(CommandNames.PORT) + server.count(CommandNames.EPRT)).isZero();
    }

    @Test
    void reply550OnRenameFailsAtOnceAndLeavesNoTemporaryFile() throws IOException {
        FakeServer server = started(FakeServer.unix());
        server.handle(CommandNames.RNTO, new StaticReplyCommandHandler(550, "Permission denied."));

        assertThatThrownBy(() -> mailbox(server).upload(write("p", content(100)), OUTBOX, "A01-000042.sincro"))
                .isInstanceOfSatisfying(MailboxException.class, e -> {
                    assertThat(e.isTransient()).isFalse();
                    assertThat(e.step()).isEqualTo(Step.RENAME);
                    assertThat(e.reply()).hasValue("550 Permission denied.");
                    assertThat(e.getMessage()).contains("renaming A01-000042.sincro.part-")
                            .contains("ask the server's administrator to let user agent01 rename files in SincroAg/A01");
                });
        assertThat(server.count(CommandNames.RNTO)).isEqualTo(1);
        assertThat(server.exists(FINAL)).isFalse();
        assertThat(server.namesIn("/SincroAg/A01")).isEmpty();
    }

    @Test
    void reply550OnStoreFailsAtOnceSayingWhichRightIsMissing() throws IOException {
        FakeServer server = started(FakeServer.unix());
        server.handle(CommandNames.STOR, new StaticReplyCommandHandler(550, "Permission denied."));

        assertThatThrownBy(() -> mailbox(server).upload(write("p", content(100)), OUTBOX, "A01-000042.sincro"))
                .isInstanceOfSatisfying(MailboxException.class, e -> {
                    assertThat(e.isTransient()).isFalse();
                    assertThat(e.step()).isEqualTo(Step.WRITE);
                    assertThat(e.getMessage()).contains("(reply 550 Permission denied.)")
                            .endsWith("ask the server's administrator to let user agent01 write in SincroAg/A01");
                });
        assertThat(server.count(CommandNames.STOR)).isEqualTo(1);
    }

    @Test
    void reply530AtLoginFailsAtOnceWithoutRetrying() {
        FakeServer server = started(FakeServer.unix());
        FtpSettings wrong = server.settings().withRetries(3, Duration.ofMillis(5));
        wrong = new FtpSettings(wrong.host(), wrong.port(), "", FakeServer.USER, "not-the-password", TlsMode.NONE,
                null, null, null, wrong.connectTimeout(), wrong.controlTimeout(), wrong.dataTimeout(), 3,
                Duration.ofMillis(5));
        FtpMailbox mailbox = server.mailbox(wrong);

        assertThatThrownBy(() -> mailbox.list(OUTBOX))
                .isInstanceOfSatisfying(MailboxException.class, e -> {
                    assertThat(e.isTransient()).isFalse();
                    assertThat(e.step()).isEqualTo(Step.LOGIN);
                    assertThat(e.reply()).hasValueSatisfying(reply -> assertThat(reply).startsWith("530"));
                    assertThat(e.getMessage()).startsWith("login of user agent01 on ftp://agent01@127.0.0.1:")
                            .contains("check ftp.username and the password")
                            .doesNotContain("not-the-password");
                });
        assertThat(server.count(CommandNames.PASS)).isEqualTo(1);
    }

    @Test
    void reply425ForEveryDataConnectionIsRetriedABoundedNumberOfTimesThenReported() {
        FakeServer server = started(FakeServer.unix());
        server.handle(CommandNames.NLST, new StaticReplyCommandHandler(425, "Cannot open data connection."));

        assertThatThrownBy(() -> mailbox(server).list(OUTBOX))
                .isInstanceOfSatisfying(MailboxException.class, e -> {
                    assertThat(e.isTransient()).isTrue();
                    assertThat(e.step()).isEqualTo(Step.LIST);
                    assertThat(e.getMessage()).contains("(reply 425 Cannot open data connection.)")
                            .contains("tried 3 times");
                });
        assertThat(server.count(CommandNames.NLST)).isEqualTo(3);
        assertThat(server.count(CommandNames.USER)).isEqualTo(3);
    }

    @Test
    void reply550OnDeletingAFileThatIsStillThereMeansTheRightIsMissing() {
        FakeServer server = started(FakeServer.unix());
        server.put(FINAL, content(10));
        server.handle(CommandNames.DELE, new StaticReplyCommandHandler(550, "Permission denied."));

        assertThatThrownBy(() -> mailbox(server).delete(OUTBOX, "A01-000042.sincro"))
                .isInstanceOfSatisfying(MailboxException.class, e -> {
                    assertThat(e.isTransient()).isFalse();
                    assertThat(e.step()).isEqualTo(Step.DELETE);
                    assertThat(e.getMessage()).endsWith("let user agent01 delete files in SincroAg/A01");
                });
        assertThat(server.exists(FINAL)).isTrue();
    }

    @Test
    void aRenameWhoseAnswerWasLostIsRecognisedOnTheRetryInsteadOfReportedAsACollision() throws IOException {
        FakeServer server = started(FakeServer.unix());
        server.handle(CommandNames.RNTO, (command, session) -> {
            // the rename happens, then the connection drops before the answer
            String from = (String) session.getAttribute(SessionKeys.RENAME_FROM);
            server.files().rename(from, server.pathOf(session, command.getRequiredParameter(0)));
            session.close();
        });
        byte[] content = content(700);

        mailbox(server).upload(write("p", content), OUTBOX, "A01-000042.sincro");

        assertThat(server.content(FINAL)).isEqualTo(content);
        assertThat(server.count(CommandNames.RNTO)).isEqualTo(1);
        assertThat(server.count(CommandNames.STOR)).isEqualTo(1);
    }

    // --- downloads (RELIABILITY 3) ---

    @Test
    void interruptedDownloadLeavesNoFileAndTheRetryYieldsIdenticalBytes() throws IOException {
        FakeServer server = started(FakeServer.unix());
        byte[] content = content(9000);
        server.put(FINAL, content);
        CommandHandler normal = server.original(CommandNames.RETR);
        AtomicInteger retrievals = new AtomicInteger();
        server.handle(CommandNames.RETR, (command, session) -> {
            if (retrievals.getAndIncrement() >= 3) {
                normal.handleCommand(command, session);
                return;
            }
            session.sendReply(150, "Opening data connection.");
            session.openDataConnection();
            session.sendData(content, content.length / 3);
            session.closeDataConnection();
            session.close();
        });
        FtpMailbox mailbox = mailbox(server);
        Path target = local.resolve("A01-000042.sincro");

        assertThatThrownBy(() -> mailbox.download(OUTBOX, "A01-000042.sincro", target))
                .isInstanceOfSatisfying(MailboxException.class, e -> assertThat(e.isTransient()).isTrue());
        assertThat(target).doesNotExist();
        assertThat(filesIn(local)).isEmpty();

        mailbox.download(OUTBOX, "A01-000042.sincro", target);
        assertThat(Files.readAllBytes(target)).isEqualTo(content);
        assertThat(filesIn(local)).containsExactly("A01-000042.sincro");
        assertThat(server.exists(FINAL)).isTrue();
    }

    @Test
    void aDownloadShorterThanTheSizeOnTheServerIsRejected() {
        FakeServer server = started(FakeServer.unix());
        byte[] content = content(3000);
        server.put(FINAL, content);
        server.handle(CommandNames.RETR, (command, session) -> {
            session.sendReply(150, "Opening data connection.");
            session.openDataConnection();
            session.sendData(content, 1000);
            session.closeDataConnection();
            session.sendReply(226, "Transfer complete.");
        });
        Path target = local.resolve("A01-000042.sincro");

        assertThatThrownBy(() -> mailbox(server).download(OUTBOX, "A01-000042.sincro", target))
                .isInstanceOf(MailboxException.class)
                .hasMessageContaining("was incomplete: 1000 of 3000 bytes arrived");
        assertThat(target).doesNotExist();
    }

    @Test
    void reply426DuringADownloadIsRetriedAndTheBytesAreIdentical() throws IOException {
        FakeServer server = started(FakeServer.unix());
        byte[] content = content(4000);
        server.put(FINAL, content);
        CommandHandler normal = server.original(CommandNames.RETR);
        AtomicInteger retrievals = new AtomicInteger();
        server.handle(CommandNames.RETR, (command, session) -> {
            if (retrievals.getAndIncrement() > 0) {
                normal.handleCommand(command, session);
                return;
            }
            session.sendReply(150, "Opening data connection.");
            session.openDataConnection();
            session.sendData(content, 100);
            session.closeDataConnection();
            session.sendReply(426, "Connection closed; transfer aborted.");
        });
        Path target = local.resolve("x");

        mailbox(server).download(OUTBOX, "A01-000042.sincro", target);

        assertThat(Files.readAllBytes(target)).isEqualTo(content);
        assertThat(server.count(CommandNames.RETR)).isEqualTo(2);
    }

    // --- listings (RELIABILITY 6) ---

    @Test
    void aWindowsStyleServerWithoutSizeWorksFromItsListing() throws IOException {
        FakeServer server = started(FakeServer.windowsStyleWithoutSize());
        server.put("/SincroAg/A01/A01-000001 first.sincro", content(1234));
        FtpMailbox mailbox = mailbox(server);
        byte[] content = content(2345);

        mailbox.upload(write("p", content), OUTBOX, "A01-000042.sincro");

        assertThat(mailbox.list(OUTBOX)).containsExactly("A01-000001 first.sincro", "A01-000042.sincro");
        assertThat(mailbox.size(OUTBOX, "A01-000001 first.sincro")).hasValue(1234);
        mailbox.download(OUTBOX, "A01-000042.sincro", local.resolve("back"));
        assertThat(Files.readAllBytes(local.resolve("back"))).isEqualTo(content);
        // the sizes came from the MS-DOS style listing, since the server has no SIZE command
        assertThat(server.count(CommandNames.LIST)).isPositive();
    }

    @Test
    void anEmptyFolderIsSeenEmptyOverTheControlConnectionWhereStatListsFolders() throws IOException {
        FakeServer server = started(FakeServer.unix());
        server.handle("STAT", (command, session) -> statListing(server, command.getRequiredParameter(0), session));
        FtpMailbox mailbox = mailbox(server);

        assertThat(mailbox.list(OUTBOX)).isEmpty();
        // no data connection: no listing command, no passive mode
        assertThat(server.count(CommandNames.NLST) + server.count(CommandNames.LIST) + server.count(CommandNames.PASV)
                + server.count(CommandNames.EPSV)).as("commands %s", server.commands()).isZero();
    }

    @Test
    void aFolderWhoseStatShowsAPackageIsListedInFull() throws IOException {
        FakeServer server = started(FakeServer.unix());
        server.handle("STAT", (command, session) -> statListing(server, command.getRequiredParameter(0), session));
        server.put("/SincroAg/A01/A01-000001 first.sincro", content(10));
        server.put("/SincroAg/A01/A01-000002.sincro", content(10));

        assertThat(mailbox(server).list(OUTBOX)).containsExactly("A01-000001 first.sincro", "A01-000002.sincro");
        assertThat(server.count(CommandNames.NLST)).isPositive();
    }

    @Test
    void aServerWhoseStatIgnoresThePathIsListedOverADataConnection() throws IOException {
        // MockFtpServer answers STAT with its own status whatever the path, as some servers do
        FakeServer server = started(FakeServer.unix());
        FtpMailbox mailbox = mailbox(server);

        assertThat(mailbox.list(OUTBOX)).isEmpty();
        server.put("/SincroAg/A01/A01-000042.sincro", content(10));
        assertThat(mailbox.list(OUTBOX)).containsExactly("A01-000042.sincro");
        assertThat(server.count(CommandNames.NLST)).isEqualTo(2);
    }

    /** STAT with a path as vsftpd answers it: the folder's long listing on the control connection. */
    private static void statListing(FakeServer server, String argument, org.mockftpserver.core.session.Session session) {
        // an absolute path as it is (the fake file system would join it to the current folder); from
        // its root "", a relative one comes out with two slashes
        String path = argument.startsWith("/") ? argument
                : ("/" + server.pathOf(session, argument)).replaceAll("/+", "/");
        if (!path.equals("/") && !server.exists(path)) {
            session.sendReply(450, "No such folder.");
            return;
        }
        StringBuilder reply = new StringBuilder("Status follows:");
        for (String name : server.namesIn(path)) {
            boolean folder = server.files().isDirectory(path.equals("/") ? "/" + name : path + "/" + name);
            reply.append("\r\n").append(folder ? "drwxr-xr-x    2 ftp      ftp          4096 Dec 06 06:36 "
                    : "-rw-r--r--    1 ftp      ftp            10 Dec 06 06:36 ").append(name);
        }
        // MockFtpServer puts the code before the last line itself; lines end with CR LF, as FTP wants
        session.sendReply(212, reply.append("\r\nEnd of status").toString());
    }

    // --- timeouts (RELIABILITY 7) ---

    @Test
    void aServerThatNeverGreetsTimesOutAndIsReportedAfterBoundedRetries() throws IOException {
        ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        toClose.add(silent);
        List<Socket> held = new ArrayList<>();
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    held.add(silent.accept());
                }
            } catch (IOException e) {
                // closed at the end of the test
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        FtpSettings settings = FtpSettings.of("127.0.0.1", silent.getLocalPort(), "u", "p", TlsMode.NONE)
                .withTimeouts(Duration.ofMillis(300), Duration.ofMillis(300), Duration.ofMillis(300))
                .withRetries(1, Duration.ofMillis(5));
        FtpMailbox mailbox = new FtpMailbox(settings, FakeServer.NAMES, Clock.systemUTC());
        toClose.add(mailbox);

        assertThatThrownBy(mailbox::open)
                .isInstanceOfSatisfying(MailboxException.class, e -> {
                    assertThat(e.isTransient()).isTrue();
                    assertThat(e.step()).isEqualTo(Step.CONNECT);
                    assertThat(e.getMessage()).startsWith("connection to ftp://u@127.0.0.1:")
                            .contains("timed out after 300 ms").contains("tried 2 times");
                });
        assertThat(held).hasSize(2);
    }

    @Test
    void aTransferThatStallsTimesOutInsteadOfWaitingForever() {
        FakeServer server = started(FakeServer.unix());
        byte[] content = content(5000);
        server.put(FINAL, content);
        server.handle(CommandNames.RETR, (command, session) -> {
            session.sendReply(150, "Opening data connection.");
            session.openDataConnection();
            session.sendData(content, 10);
            server.hang();
        });
        FtpSettings settings = server.settings()
                .withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofMillis(300))
                .withRetries(1, Duration.ofMillis(5));

        assertThatThrownBy(() -> server.mailbox(settings).download(OUTBOX, "A01-000042.sincro", local.resolve("x")))
                .isInstanceOfSatisfying(MailboxException.class, e -> {
                    assertThat(e.isTransient()).isTrue();
                    assertThat(e.getMessage()).contains("stalled: no data moved for 300 ms (ftp.dataTimeoutSeconds)");
                });
        assertThat(local.resolve("x")).doesNotExist();
    }

    @Test
    void aServerThatStopsAnsweringCommandsTimesOut() {
        FakeServer server = started(FakeServer.unix());
        server.handle(CommandNames.CWD, (command, session) -> server.hang());
        FtpSettings settings = server.settings()
                .withTimeouts(Duration.ofSeconds(3), Duration.ofMillis(300), Duration.ofSeconds(3))
                .withRetries(0, Duration.ZERO);

        assertThatThrownBy(() -> server.mailbox(settings).list(OUTBOX))
                .isInstanceOfSatisfying(MailboxException.class, e -> {
                    assertThat(e.isTransient()).isTrue();
                    assertThat(e.getMessage()).startsWith("listing SincroAg/A01 on ftp://agent01@127.0.0.1:")
                            .contains("timed out after 300 ms waiting for the server's answer");
                });
    }

    @Test
    void nothingListeningIsReportedWithWhatToCheck() throws IOException {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        FtpSettings settings = FtpSettings.of("127.0.0.1", port, "u", "p", TlsMode.NONE)
                .withRetries(1, Duration.ofMillis(5));
        FtpMailbox mailbox = new FtpMailbox(settings, FakeServer.NAMES, Clock.systemUTC());

        assertThatThrownBy(mailbox::open)
                .isInstanceOfSatisfying(MailboxException.class, e -> {
                    assertThat(e.isTransient()).isTrue();
                    assertThat(e.getMessage()).contains("nothing accepted the connection at 127.0.0.1:" + port)
                            .contains("check ftp.host and ftp.port");
                });
    }

    @Test
    void anIdleConnectionClosedByTheServerIsReopenedWithoutCountingAsAFailure() throws IOException {
        FakeServer server = started(FakeServer.unix());
        MutableClock clock = new MutableClock();
        FtpMailbox mailbox = mailboxWithoutRetries(server, clock);
        mailbox.list(OUTBOX);
        // the server has since dropped the idle client
        dropsIdleClients(server);
        clock.advance(Duration.ofMinutes(5));

        assertThat(mailbox.list(OUTBOX)).isEmpty();
        assertThat(server.count(CommandNames.USER)).isEqualTo(2);
    }

    @Test
    void aConnectionMadeAheadThatSatIdleIsCheckedBeforeItsFirstUse() throws Exception {
        FakeServer server = started(FakeServer.unix());
        MutableClock clock = new MutableClock();
        FtpMailbox mailbox = mailboxWithoutRetries(server, clock);
        mailbox.connectAhead();
        Eventually.waitUntil(() -> server.count(CommandNames.PWD) > 0);
        // the local work outlasted the server's patience
        dropsIdleClients(server);
        clock.advance(Duration.ofMinutes(5));

        assertThat(mailbox.list(OUTBOX)).isEmpty();
        assertThat(server.count(CommandNames.USER)).isEqualTo(2);
    }

    /** The server answers NOOP as one that dropped an idle client: 421, and the connection closed. */
    private static void dropsIdleClients(FakeServer server) {
        server.handle(CommandNames.NOOP, (command, session) -> {
            session.sendReply(421, "Idle timeout, closing control connection.");
            session.close();
        });
    }

    private FakeServer started(FakeServer server) {
        toClose.add(server);
        return server;
    }

    /** A mailbox on {@code server} that tries nothing twice, whose idle times {@code clock} tells. */
    private FtpMailbox mailboxWithoutRetries(FakeServer server, Clock clock) {
        FtpMailbox mailbox = new FtpMailbox(server.settings().withRetries(0, Duration.ZERO), FakeServer.NAMES, clock);
        toClose.add(mailbox);
        return mailbox;
    }

    private FtpMailbox mailbox(FakeServer server) {
        FtpMailbox mailbox = server.mailbox();
        toClose.add(mailbox);
        return mailbox;
    }

    private Path write(String name, byte[] content) throws IOException {
        Path file = Files.createTempFile(name, ".tmp");
        toClose.add(() -> Files.deleteIfExists(file));
        return Files.write(file, content);
    }

    /** Bytes of every value, with CR and LF, of the given length. */
    static byte[] content(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        byte[] lineEnds = "\r\n\n\r€".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(lineEnds, 0, bytes, 0, Math.min(length, lineEnds.length));
        return bytes;
    }

    private static List<String> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2025-01-01T08:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
