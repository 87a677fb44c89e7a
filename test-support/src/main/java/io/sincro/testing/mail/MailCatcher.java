package io.sincro.testing.mail;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * A mail server that keeps what it is sent, for {@code scripts/demo}: GreenMail's SMTP server on a
 * free loopback port, plain SMTP (no TLS: loopback only, for a demo). It prints the settings lines a
 * station needs ({@code mail.host=}, {@code mail.port=}), then one line per message it receives
 * ({@code received: TO | SUBJECT}), until the process is ended.
 */
public final class MailCatcher {

    private MailCatcher() {
    }

    public static void main(String[] args) throws InterruptedException, MessagingException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        mail.start();
        Runtime.getRuntime().addShutdownHook(new Thread(mail::stop));
        out.println("mail catcher (GreenMail SMTP, plain, loopback only) listening; settings for a station:");
        out.println("  mail.host=127.0.0.1");
        out.println("  mail.port=" + mail.getSmtp().getPort());
        out.println("  mail.security=none");
        int shown = 0;
        while (!Thread.currentThread().isInterrupted()) {
            MimeMessage[] received = mail.getReceivedMessages();
            for (; shown < received.length; shown++) {
                out.println("received: " + recipients(received[shown]) + " | " + received[shown].getSubject());
            }
            Thread.sleep(100);
        }
    }

    private static String recipients(MimeMessage message) throws MessagingException {
        Address[] to = message.getRecipients(Message.RecipientType.TO);
        return to == null ? "(no recipient)" : Arrays.stream(to).map(Address::toString).collect(Collectors.joining(", "));
    }
}
