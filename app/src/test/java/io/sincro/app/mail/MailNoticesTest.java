package io.sincro.app.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import io.sincro.app.CliRun;
import io.sincro.app.CliRun.Result;
import io.sincro.app.LoopbackStations;
import io.sincro.app.SampleHeadOffice;
import io.sincro.db.testing.TestClock;

/**
 * E-mail notices through a real SMTP server (GreenMail, plain SMTP and SMTPS), sent by the real
 * command line after a real sync between the head office and agent A01. GreenMail offers no
 * STARTTLS, so here STARTTLS is proved from the side that matters most: a server without it is
 * refused, never written to in clear; StarttlsDeliveryIT proves a STARTTLS delivery against aiosmtpd.
 */
class MailNoticesTest {

    private static final String ADMIN = "office@ferramentanord.it";
    private static final String AGENT_MAIL = "marco.bianchi@ferramentanord.it";

    @TempDir
    Path dir;

    private final TestClock clock = TestClock.at("2026-03-02T08:00:00Z");
    private GreenMail smtp;
    private LoopbackStations mailbox;

    @AfterEach
    void stopTheServers() {
        if (smtp != null) {
            smtp.stop();
        }
        if (mailbox != null) {
            mailbox.close();
        }
    }

    @Test
    void theHeadOfficeMailsTheAdministratorWhatItsSyncReceivedPerAgent() throws Exception {
        startSmtp(freePort());
        CliRun headOffice = anOrderOfA01WaitsForTheHeadOffice(plainSmtp(smtp.getSmtp().getPort()));

        Result sync = ok(headOffice, "sync");

        assertThat(sync.out()).contains("Mailed 1 notice.");
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
                .containsExactly(ADMIN);
        assertThat(received[0].getSubject()).isEqualTo("Sincro: the head office received packages from A01");
        assertThat(GreenMailUtil.getBody(received[0])).contains("Agent A01", "A01_to_HQ_", "order");
    }

    @Test
    void anOrderTheHeadOfficeRejectsIsMailedToItsAgentWithTheReason() throws Exception {
        startSmtp(freePort());
        CliRun headOffice = anOrderOfA01WaitsForTheHeadOffice(plainSmtp(smtp.getSmtp().getPort()));
        ok(headOffice, "sync");

        ok(headOffice, "hq", "order-status", "A01/000001", "rejected", "--reason", "customer over its credit limit");
        Result sync = ok(headOffice, "sync");

        assertThat(sync.out()).contains("Mailed 1 notice.");
        MimeMessage toAgent = smtp.getReceivedMessages()[1];
        assertThat(toAgent.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
                .containsExactly(AGENT_MAIL);
        assertThat(toAgent.getSubject()).isEqualTo("Sincro: order A01/000001 was rejected");
        assertThat(GreenMailUtil.getBody(toAgent)).contains("C00001", "Reason: customer over its credit limit");
    }

    @Test
    void aMailServerThatIsDownNeverFailsTheSyncAndTheNoticeGoesOnceAtTheNextSync() throws Exception {
        int port = freePort();
        CliRun headOffice = anOrderOfA01WaitsForTheHeadOffice(plainSmtp(port));

        Result down = headOffice.run("sync");
        assertThat(down.exitCode()).as(down.toString()).isZero();
        assertThat(down.err()).contains("warning: notice 'Sincro: the head office received packages from A01' to "
                + ADMIN + " not sent, retried by the next sync: could not connect to the mail server 127.0.0.1:" + port
                + " (connection refused)");
        assertThat(ok(headOffice, "log").out()).contains("mail      failed", "could not connect to the mail server");
        assertThat(ok(headOffice, "status").out()).contains("Mail:      none://127.0.0.1:" + port
                + ", from sincro@ferramentanord.it; 1 notice waiting (sincro notices)");

        startSmtp(port);
        clock.advance(Duration.ofMinutes(10));
        Result up = ok(headOffice, "sync");
        ok(headOffice, "sync");

        assertThat(up.out()).contains("Mailed 1 notice.");
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(ok(headOffice, "notices", "--format", "csv").out().lines().skip(1))
                .singleElement().asString().contains(",sent," + ADMIN + ",Sincro: the head office received packages"
                        + " from A01,2,");
    }

    @Test
    void anOverdueAgentIsMailedToTheAdministratorOnceADay() throws Exception {
        startSmtp(freePort());
        CliRun headOffice = anOrderOfA01WaitsForTheHeadOffice(plainSmtp(smtp.getSmtp().getPort()));
        ok(headOffice, "sync");

        clock.advance(Duration.ofDays(4));
        Result overdue = ok(headOffice, "sync");
        clock.advance(Duration.ofHours(12));
        Result sameDay = ok(headOffice, "sync");

        assertThat(overdue.out()).contains("Mailed 1 notice.");
        assertThat(sameDay.out()).doesNotContain("Mailed");
        MimeMessage alert = smtp.getReceivedMessages()[1];
        assertThat(smtp.getReceivedMessages()).hasSize(2);
        assertThat(alert.getSubject()).isEqualTo("Sincro: agent A01 overdue");
        assertThat(GreenMailUtil.getBody(alert)).contains("its last package arrived 4 days ago (sync.maxAgeDays is 3)");
    }

    @Test
    void smtpsIsRefusedUntilTheServerCertificateIsPinnedThenTheTestMessageGoes() throws Exception {
        smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTPS));
        smtp.start();
        CliRun headOffice = headOfficeWith("mail.host=127.0.0.1\nmail.port=" + smtp.getSmtps().getPort()
                + "\nmail.security=smtps\nmail.from=sincro@ferramentanord.it\nmail.to=" + ADMIN + "\n");

        Result untrusted = headOffice.run("check-connection", "--mail");
        assertThat(untrusted.exitCode()).as(untrusted.toString()).isEqualTo(1);
        Matcher pin = Pattern.compile("set mail.certificateSha256=([0-9A-F:]{95})").matcher(untrusted.out());
        assertThat(pin.find()).as(untrusted.out()).isTrue();
        assertThat(smtp.getReceivedMessages()).isEmpty();

        appendSettings("mail.certificateSha256=" + pin.group(1) + "\n");
        Result pinned = ok(headOffice, "check-connection", "--mail");

        assertThat(pinned.out()).contains("OK    mail settings (smtps://127.0.0.1:", "OK    send a test message to " + ADMIN);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(smtp.getReceivedMessages()[0].getSubject()).isEqualTo("Sincro: test message from head office");
    }

    @Test
    void starttlsIsRequiredSoAServerWithoutItIsRefusedAndNothingGoesInClear() throws Exception {
        startSmtp(freePort());
        CliRun headOffice = headOfficeWith("mail.host=127.0.0.1\nmail.port=" + smtp.getSmtp().getPort()
                + "\nmail.security=starttls\nmail.from=sincro@ferramentanord.it\nmail.to=" + ADMIN + "\n");

        Result refused = headOffice.run("check-connection", "--mail");

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.out()).contains("FAIL  send a test message to " + ADMIN + ": the mail server 127.0.0.1:"
                + smtp.getSmtp().getPort() + " does not offer STARTTLS, and mail.security=starttls never sends in clear");
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void withoutAMailServerTheAgentsNoticeIsClosedAsNotSentAndListedSo() throws Exception {
        CliRun headOffice = anOrderOfA01WaitsForTheHeadOffice("");
        ok(headOffice, "sync");

        ok(headOffice, "hq", "order-status", "A01/000001", "shipped", "--expected-delivery", "2026-03-09");
        Result sync = ok(headOffice, "sync");
        Result notices = ok(headOffice, "notices");

        assertThat(sync.out()).doesNotContain("Mailed");
        assertThat(ok(headOffice, "status").out()).contains("Mail:      no mail server set (mail.host): e-mail"
                + " notices are not sent");
        assertThat(notices.out()).contains("not sent", AGENT_MAIL, "Sincro: order A01/000001 was shipped",
                "no mail server is set");
    }

    @Test
    void aRejectionLoadedFromTheBackEndsFileQueuesTheAgentsNoticeToo() throws Exception {
        CliRun headOffice = anOrderOfA01WaitsForTheHeadOffice("");
        ok(headOffice, "sync");
        Path statuses = dir.resolve("order-statuses.csv");
        Files.writeString(statuses, "order,status,reason\nA01/000001,rejected,product withdrawn\n");

        ok(headOffice, "hq", "import", "order-statuses", statuses.toString());
        ok(headOffice, "hq", "import", "order-statuses", statuses.toString());

        assertThat(ok(headOffice, "notices", "--format", "csv").out().lines().skip(1))
                .singleElement().asString().contains(AGENT_MAIL + ",Sincro: order A01/000001 was rejected,");
    }

    @Test
    void theMailPasswordComesFromTheEnvironmentAWrongOneIsRefusedAndNeitherIsLogged() throws Exception {
        smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withUser(ADMIN, "sincro", "Mail-Pa55word"));
        smtp.start();
        headOfficeWith("mail.host=127.0.0.1\nmail.port=" + smtp.getSmtp().getPort() + "\nmail.security=none\n"
                + "mail.username=sincro\nmail.from=sincro@ferramentanord.it\nmail.to=" + ADMIN + "\n");

        Result wrong = new CliRun(dir, clock, Map.of("SINCRO_MAIL_PASSWORD", "Wrong-Pa55word")).run("check-connection",
                "--mail");
        Result right = new CliRun(dir, clock, Map.of("SINCRO_MAIL_PASSWORD", "Mail-Pa55word")).run("check-connection",
                "--mail");

        assertThat(wrong.exitCode()).as(wrong.toString()).isEqualTo(1);
        assertThat(wrong.out()).contains("refused user sincro with its password; check mail.username and the password"
                + " in SINCRO_MAIL_PASSWORD or mail.passwordFile");
        assertThat(right.exitCode()).as(right.toString()).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        String log = Files.readString(dir.resolve("logs/sincro.log"));
        assertThat(log + wrong + right).doesNotContain("Pa55word");
    }

    @Test
    void aStationWithoutAMailServerSaysWhatToSet() {
        CliRun headOffice = headOfficeWith("");

        Result result = headOffice.run("check-connection", "--mail");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.out()).contains("FAIL  mail settings: no mail server is set; add mail.host, mail.from and"
                + " mail.to to ");
    }

    @Test
    void aUserWithoutAPasswordIsOneSentenceNamingWhereToPutIt() {
        CliRun headOffice = headOfficeWith("mail.host=127.0.0.1\nmail.username=sincro\nmail.from=sincro@ferramentanord.it"
                + "\nmail.to=" + ADMIN + "\n");

        Result result = headOffice.run("check-connection", "--mail");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.out()).contains("names a user but no mail password is set; set the environment variable"
                + " SINCRO_MAIL_PASSWORD or name a file holding it in mail.passwordFile");
    }

    /** Head office and A01 exchanged once; A01 then submitted an order and synced it up. */
    private CliRun anOrderOfA01WaitsForTheHeadOffice(String mailSettings) throws IOException {
        CliRun sincro = new CliRun(dir, clock);
        SampleHeadOffice.withLoopbackMailbox(dir);
        ok(sincro, "hq", "prepare-agent", "A01", "--out", "a01");
        Path a01 = dir.resolve("a01");
        mailbox = LoopbackStations.serve(dir.resolve("mailbox"), clock, dir, a01);
        mailbox.sync(dir, a01);
        CliRun agent = mailbox.at(a01);
        ok(agent, "order", "new", "--customer", "C00001");
        ok(agent, "order", "add-line", "1", "P00001", "10");
        ok(agent, "order", "submit", "1");
        clock.advance(Duration.ofHours(1));
        mailbox.sync(a01);
        appendSettings(mailSettings);
        return mailbox.at(dir);
    }

    private CliRun headOfficeWith(String mailSettings) {
        SampleHeadOffice.copyTo(dir);
        try {
            appendSettings(mailSettings);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new CliRun(dir, clock);
    }

    private void appendSettings(String lines) throws IOException {
        Files.writeString(dir.resolve("sincro.properties"), lines, StandardOpenOption.APPEND);
    }

    private static String plainSmtp(int port) {
        return "mail.host=127.0.0.1\nmail.port=" + port + "\nmail.security=none\nmail.from=sincro@ferramentanord.it\n"
                + "mail.to=" + ADMIN + "\n";
    }

    private void startSmtp(int port) {
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Result ok(CliRun where, String... args) {
        Result result = where.run(args);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result;
    }
}
