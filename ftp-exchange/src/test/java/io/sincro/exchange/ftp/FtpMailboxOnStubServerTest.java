package io.sincro.exchange.ftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockftpserver.core.command.AbstractTrackingCommandHandler;
import org.mockftpserver.core.command.CommandNames;
import org.mockftpserver.core.command.StaticReplyCommandHandler;
import org.mockftpserver.stub.StubFtpServer;
import org.mockftpserver.stub.command.PwdCommandHandler;
import org.mockftpserver.stub.command.RetrCommandHandler;
import org.mockftpserver.stub.command.StorCommandHandler;

import io.sincro.exchange.Folder;
import io.sincro.exchange.MailboxException;
import io.sincro.exchange.MailboxException.Step;

/** Exact replies from MockFtpServer's stub server, and what the mailbox makes of each. */
class FtpMailboxOnStubServerTest {

    private static final String PASSWORD = "Stub-Pa55word";

    @TempDir
    Path local;

    private StubFtpServer server;
    private FtpMailbox mailbox;

    @BeforeEach
    void startServer() {
        server = new StubFtpServer() {
            {
                serverSocketFactory = port -> new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
            }
        };
        server.setServerControlPort(0);
        PwdCommandHandler pwd = new PwdCommandHandler();
        pwd.setDirectory("/");
        server.setCommandHandler(CommandNames.PWD, pwd);
    }

    @AfterEach
    void stopServer() {
        if (mailbox != null) {
            mailbox.close();
        }
        server.stop();
    }

    @Test
    void reply421AsGreetingIsTransientAndRetriedABoundedNumberOfTimes() {
        StaticReplyCommandHandler greeting = new StaticReplyCommandHandler(421, "Too many connections, try later.");
        server.setCommandHandler(CommandNames.CONNECT, greeting);
        server.start();

        assertThatThrownBy(() -> mailbox(2).open())
                .isInstanceOfSatisfying(MailboxException.class, e -> {
                    assertThat(e.isTransient()).isTrue();
                    assertThat(e.getMessage()).contains("(reply 421 Too many connections, try later.)")
                            .contains("tried 3 times; the next sync tries again");
                });
        assertThat(greeting.numberOfInvocations()).isEqualTo(3);
    }

    @Test
    void reply530AtLoginIsPermanentAndNeverShowsThePassword() {
        StaticReplyCommandHandler pass = new StaticReplyCommandHandler(530, "Login incorrect.");
        server.setCommandHandler(CommandNames.PASS, pass);
        server.start();

        assertThatThrownBy(() -> mailbox(3).open())
                .isInstanceOfSatisfying(MailboxException.class, e -> {
                    assertThat(e.isTransient()).isFalse();
                    assertThat(e.step()).isEqualTo(Step.LOGIN);
                    assertThat(e.reply()).hasValue("530 Login incorrect.");
                    assertThat(e.getMessage())
                            .isEqualTo("login of user agent01 on ftp://agent01@127.0.0.1:" + server.getServerControlPort()
                                    + " was refused (reply 530 Login incorrect.); check ftp.username and the password"
                                    + " (SINCRO_FTP_PASSWORD, ftp.passwordFile or ftp.password)");
                });
        assertThat(pass.numberOfInvocations()).isEqualTo(1);
    }

    @Test
    void aConnectionOpenedAheadIsTheOneTheFirstOperationUses() throws InterruptedException {
        server.start();
        mailbox = mailbox(0);

        AbstractTrackingCommandHandler user = (AbstractTrackingCommandHandler) server.getCommandHandler(CommandNames.USER);

        mailbox.connectAhead();
        mailbox.connectAhead();
        // logged in before any operation asked for it
        Eventually.waitUntil(() -> user.numberOfInvocations() > 0);
        assertThat(user.numberOfInvocations()).isEqualTo(1);
        assertThat(mailbox.list(Folder.fromAgent("A01"))).isEmpty();
        assertThat(mailbox.list(Folder.toAgent("A01"))).isEmpty();

        assertThat(user.numberOfInvocations()).isEqualTo(1);
    }

    @Test
    void aLoginRefusedAheadIsReportedByTheFirstOperationAsItsOwn() {
        StaticReplyCommandHandler pass = new StaticReplyCommandHandler(530, "Login incorrect.");
        server.setCommandHandler(CommandNames.PASS, pass);
        server.start();
        mailbox = mailbox(3);

        mailbox.connectAhead();

        assertThatThrownBy(() -> mailbox.list(Folder.fromAgent("A01")))
                .isInstanceOfSatisfying(MailboxException.class, e -> {
                    assertThat(e.isTransient()).isFalse();
                    assertThat(e.step()).isEqualTo(Step.LOGIN);
                    assertThat(e.getMessage()).contains("was refused (reply 530 Login incorrect.)")
                            .doesNotContain(PASSWORD);
                });
        assertThat(pass.numberOfInvocations()).isEqualTo(1);
    }

    @Test
    void aTransientFailureAheadIsTriedAgainByTheFirstOperation() {
        StaticReplyCommandHandler greeting = new StaticReplyCommandHandler(421, "Too many connections, try later.");
        server.setCommandHandler(CommandNames.CONNECT, greeting);
        server.start();
        mailbox = mailbox(2);

        mailbox.connectAhead();

        assertThatThrownBy(() -> mailbox.list(Folder.fromAgent("A01")))
                .isInstanceOfSatisfying(MailboxException.class, e -> assertThat(e.getMessage())
                        .contains("tried 3 times; the next sync tries again"));
        assertThat(greeting.numberOfInvocations()).isEqualTo(3);
    }

    @Test
    void aConnectionOpenedAheadAndNeverUsedIsEndedOnClose() throws InterruptedException {
        server.start();
        mailbox = mailbox(0);

        mailbox.connectAhead();
        mailbox.close();

        AbstractTrackingCommandHandler quit = (AbstractTrackingCommandHandler) server.getCommandHandler(CommandNames.QUIT);
        Eventually.waitUntil(() -> quit.numberOfInvocations() > 0);
        assertThat(quit.numberOfInvocations()).isEqualTo(1);
    }

    @Test
    void closingDoesNotWaitForAConnectionStillBeingOpenedAhead() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            FtpSettings settings = FtpSettings.of("127.0.0.1", silent.getLocalPort(), "agent01", PASSWORD, TlsMode.NONE)
                    .withTimeouts(Duration.ofSeconds(20), Duration.ofSeconds(20), Duration.ofSeconds(20));
            FtpMailbox waiting = new FtpMailbox(settings, FakeServer.NAMES, Clock.systemUTC());

            waiting.connectAhead();
            waiting.close();

            // the server never greets, so the connection is still being made for twenty seconds
            assertThat(Thread.getAllStackTraces().keySet()).anyMatch(t -> t.getName().startsWith("sincro-connect-")
                    && t.getName().endsWith(":" + silent.getLocalPort()) && t.isAlive());
        }
    }

    @Test
    void closingAfterAFailedConnectionAheadReportsNothing() {
        server.setCommandHandler(CommandNames.PASS, new StaticReplyCommandHandler(530, "Login incorrect."));
        server.start();
        mailbox = mailbox(0);

        mailbox.connectAhead();

        assertThatCode(mailbox::close).doesNotThrowAnyException();
    }

    @Test
    void aServerThatRequiresTlsSessionReuseIsReportedAsSuch() throws IOException {
        // vsftpd's answer when a data connection does not resume the control connection's TLS session
        StorCommandHandler store = new StorCommandHandler();
        store.setFinalReplyCode(522);
        store.setFinalReplyText("SSL connection failed: session reuse required");
        server.setCommandHandler(CommandNames.STOR, store);
        server.start();
        Path file = Files.writeString(local.resolve("p"), "order");

        assertThatThrownBy(() -> mailbox(3).upload(file, Folder.fromAgent("A01"), "A01-000001.sincro"))
                .isInstanceOfSatisfying(MailboxException.class, e -> {
                    assertThat(e.isTransient()).isFalse();
                    assertThat(e.getMessage())
                            .contains("requires data connections to reuse the control connection's TLS session")
                            .contains("(reply 522 SSL connection failed: session reuse required)")
                            .contains("require_ssl_reuse=NO");
                });
        assertThat(store.numberOfInvocations()).isEqualTo(1);
    }

    @Test
    void aSessionEntersAFolderOnceForAllItDoesThereAndAgainOnlyAfterAnother() {
        int changes = changesOfFolder(box -> {
            box.delete(Folder.fromAgent("A01"), "A01-000001.sincro");
            box.delete(Folder.fromAgent("A01"), "A01-000002.sincro");
            box.delete(Folder.toAgent("A01"), "HQ_to_A01-000001.sincro");
            box.delete(Folder.fromAgent("A01"), "A01-000003.sincro");
        });

        assertThat(changes).isEqualTo(3);
    }

    @Test
    void aListingEntersItsFolderEvenWhenTheSessionIsThereSoAFolderRemovedSinceIsNoticed() {
        int changes = changesOfFolder(box -> {
            box.list(Folder.fromAgent("A01"));
            box.size(Folder.fromAgent("A01"), "A01-000001.sincro");
            box.list(Folder.fromAgent("A01"));
        });

        assertThat(changes).isEqualTo(2);
    }

    @Test
    void aRefusedChangeOfFolderIsAskedAgainNextTime() {
        server.setCommandHandler(CommandNames.CWD, new StaticReplyCommandHandler(550, "No such directory."));

        int changes = changesOfFolder(box -> {
            for (String name : List.of("A01-000001.sincro", "A01-000002.sincro")) {
                assertThatThrownBy(() -> box.delete(Folder.fromAgent("A01"), name))
                        .isInstanceOf(MailboxException.class).hasMessageContaining("does not exist");
            }
        });

        assertThat(changes).isEqualTo(2);
    }

    @Test
    void aSessionAsksForTheServersFeaturesOnce() {
        server.setCommandHandler("FEAT", new StaticReplyCommandHandler(211, "Extensions supported\r\n MLST size*;type*;\r\n"
                + " SIZE\r\n UTF8\r\nEnd"));
        StaticReplyCommandHandler opts = new StaticReplyCommandHandler(200, "UTF8 mode on.");
        server.setCommandHandler("OPTS", opts);

        int feats = timesSent("FEAT", FtpMailbox::open);

        assertThat(feats).isEqualTo(1);
        // the answer was read: UTF-8 names were asked for, as the server offers them
        assertThat(opts.numberOfInvocations()).isEqualTo(1);
    }

    @Test
    void aServerThatRefusesFeatIsAskedOnceAndListedWithNlstWithoutOptsUtf8() {
        server.setCommandHandler("FEAT", new StaticReplyCommandHandler(500, "Unknown command."));
        StaticReplyCommandHandler opts = new StaticReplyCommandHandler(200, "UTF8 mode on.");
        server.setCommandHandler("OPTS", opts);
        StaticReplyCommandHandler mlsd = new StaticReplyCommandHandler(500, "Unknown command.");
        server.setCommandHandler("MLSD", mlsd);

        int feats = timesSent("FEAT", box -> assertThat(box.list(Folder.fromAgent("A01"))).isEmpty());

        assertThat(feats).isEqualTo(1);
        assertThat(opts.numberOfInvocations()).isZero();
        assertThat(mlsd.numberOfInvocations()).isZero();
        assertThat(((AbstractTrackingCommandHandler) server.getCommandHandler(CommandNames.NLST)).numberOfInvocations())
                .isEqualTo(1);
    }

    @Test
    void aDownloadAsksTheSizeOnceAndTellsItBeforeTheBytesFlow() {
        RetrCommandHandler retr = serving("order", 5);
        Path copy = local.resolve("HQ_to_A01-000001.sincro");
        List<Long> told = new ArrayList<>();

        int sizes = timesSent("SIZE", box -> box.download(Folder.toAgent("A01"), "HQ_to_A01-000001.sincro",
                copy, size -> {
                    told.add(size);
                    assertThat(retr.numberOfInvocations()).isZero();
                }));

        assertThat(sizes).isEqualTo(1);
        assertThat(told).containsExactly(5L);
        assertThat(copy).hasContent("order");
    }

    @Test
    void aDownloadStillRefusesAFileShorterThanTheSizeTheServerAnnounced() {
        serving("order", 6);
        Path copy = local.resolve("HQ_to_A01-000001.sincro");

        int sizes = timesSent("SIZE", box -> assertThatThrownBy(() -> box.download(Folder.toAgent("A01"),
                "HQ_to_A01-000001.sincro", copy, size -> { }))
                .isInstanceOf(MailboxException.class).hasMessageContaining("5 of 6 bytes arrived"));

        assertThat(sizes).isEqualTo(1);
        assertThat(copy).doesNotExist();
        assertThat(local).isEmptyDirectory();
    }

    /** A file holding {@code content} on the stub server, whose SIZE answers {@code announced} bytes. */
    private RetrCommandHandler serving(String content, long announced) {
        server.setCommandHandler("SIZE", new StaticReplyCommandHandler(213, Long.toString(announced)));
        RetrCommandHandler retr = new RetrCommandHandler();
        retr.setFileContents(content);
        server.setCommandHandler(CommandNames.RETR, retr);
        return retr;
    }

    /**
     * How many times the stub server, started now, receives {@code command} (whose handler must track
     * its calls) from its login on while {@code work} runs a mailbox on it.
     */
    private int timesSent(String command, Consumer<FtpMailbox> work) {
        server.start();
        work.accept(mailbox(0));
        return ((AbstractTrackingCommandHandler) server.getCommandHandler(command)).numberOfInvocations();
    }

    /** How many CWDs {@code work} sends through a mailbox logged in to the stub server, started now. */
    private int changesOfFolder(Consumer<FtpMailbox> work) {
        server.start();
        FtpMailbox box = mailbox(0);
        box.open();
        AbstractTrackingCommandHandler cwd = (AbstractTrackingCommandHandler) server.getCommandHandler(CommandNames.CWD);
        int atLogin = cwd.numberOfInvocations();
        work.accept(box);
        return cwd.numberOfInvocations() - atLogin;
    }

    private FtpMailbox mailbox(int retries) {
        FtpSettings settings = FtpSettings.of("127.0.0.1", server.getServerControlPort(), "agent01", PASSWORD, TlsMode.NONE)
                .withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(3))
                .withRetries(retries, Duration.ofMillis(5));
        mailbox = new FtpMailbox(settings, FakeServer.NAMES, Clock.systemUTC());
        return mailbox;
    }
}
