package io.sincro.app.mail;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import io.sincro.app.mail.MailSettings.Security;
import io.sincro.exchange.ftp.Fingerprint;

/**
 * Sends one plain-text message through the station's mail server with Jakarta Mail (Eclipse
 * Angus). STARTTLS is required when asked for: a server that does not offer it is refused, never
 * written to in clear. A pinned certificate (mail.certificateSha256) replaces the trust store and
 * the host-name check, as ftp.certificateSha256 does for the mailbox.
 */
public final class Mailer {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final MailSettings settings;

    public Mailer(MailSettings settings) {
        this.settings = settings;
    }

    /** Sends {@code body} to {@code recipients}, dated {@code at}. */
    public void send(List<String> recipients, String subject, String body, Instant at) {
        AtomicReference<X509Certificate> presented = new AtomicReference<>();
        Session session = Session.getInstance(properties(presented));
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(settings.from()));
            for (String to : recipients) {
                message.addRecipient(Message.RecipientType.TO, new InternetAddress(to));
            }
            message.setSubject(subject, "UTF-8");
            message.setText(body, "UTF-8");
            message.setSentDate(Date.from(at));
            if (settings.username().isPresent()) {
                Transport.send(message, settings.username().get(), settings.password().orElse(""));
            } else {
                Transport.send(message);
            }
        } catch (MessagingException e) {
            throw explained(e, recipients, Optional.ofNullable(presented.get()));
        }
    }

    private Properties properties(AtomicReference<X509Certificate> presented) {
        Properties p = new Properties();
        String timeout = String.valueOf(TIMEOUT.toMillis());
        p.put("mail.transport.protocol", "smtp");
        p.put("mail.smtp.host", settings.host());
        p.put("mail.smtp.port", String.valueOf(settings.port()));
        p.put("mail.smtp.connectiontimeout", timeout);
        p.put("mail.smtp.timeout", timeout);
        p.put("mail.smtp.writetimeout", timeout);
        p.put("mail.smtp.auth", String.valueOf(settings.username().isPresent()));
        p.put("mail.smtp.from", settings.from());
        if (settings.security() == Security.STARTTLS) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        } else if (settings.security() == Security.SMTPS) {
            p.put("mail.smtp.ssl.enable", "true");
        }
        if (settings.security() != Security.NONE) {
            p.put("mail.smtp.ssl.protocols", "TLSv1.3 TLSv1.2");
            // a pinned certificate names the server; otherwise its certificate must name mail.host
            p.put("mail.smtp.ssl.checkserveridentity", String.valueOf(settings.certificateSha256().isEmpty()));
            p.put("mail.smtp.ssl.socketFactory", socketFactory(presented));
        }
        return p;
    }

    /** TLS that remembers the certificate the server presented, and accepts only the pinned one if any. */
    private SSLSocketFactory socketFactory(AtomicReference<X509Certificate> presented) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            X509TrustManager javaTrust = null;
            for (TrustManager m : factory.getTrustManagers()) {
                if (m instanceof X509TrustManager x) {
                    javaTrust = x;
                }
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new ServerCertificate(javaTrust, settings.certificateSha256(),
                    presented)}, null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime offers no TLS", e);
        }
    }

    private MailException explained(MessagingException e, List<String> recipients,
            Optional<X509Certificate> certificate) {
        String server = "the mail server " + settings.host() + ":" + settings.port();
        String fingerprint = certificate.map(c -> Fingerprint.of(c).toString()).orElse("?");
        // a certificate refused is said as such, though TLS wraps it in a handshake failure
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertificateException) {
                return new MailException(settings.certificateSha256().isPresent()
                        ? server + " presented the certificate " + fingerprint + ", not the one in "
                                + MailSettings.CERTIFICATE + "; if the server's certificate was renewed, check the new"
                                + " one with its administrator and put it there"
                        : server + " presented a certificate Java does not trust (SHA-256 " + fingerprint + "); if it is"
                                + " your server's, set " + MailSettings.CERTIFICATE + "=" + fingerprint, e);
            }
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof AuthenticationFailedException) {
                return new MailException(server + " refused user " + settings.username().orElse("(none)")
                        + " with its password; check " + MailSettings.USERNAME + " and the password in "
                        + "SINCRO_MAIL_PASSWORD or mail.passwordFile", e);
            }
            if (cause instanceof UnknownHostException) {
                return new MailException("the mail server's name " + settings.host() + " is not known here; check "
                        + MailSettings.HOST + " and this computer's network", e);
            }
            if (cause instanceof ConnectException) {
                return new MailException("could not connect to " + server + " (connection refused); check "
                        + MailSettings.HOST + " and " + MailSettings.PORT + ", and that the server runs", e);
            }
            if (cause instanceof SocketTimeoutException) {
                return new MailException(server + " did not answer within " + TIMEOUT.toSeconds() + " s; check "
                        + MailSettings.HOST + ", " + MailSettings.PORT + " and the network", e);
            }
            if (cause instanceof SSLException) {
                return new MailException("could not set up TLS with " + server + " (" + cause.getMessage() + "); "
                        + "check that " + MailSettings.SECURITY + "=" + settings.security().name().toLowerCase()
                        + " is what that port speaks (smtps usually on 465, starttls on 587)", e);
            }
            if (cause instanceof SendFailedException failed && failed.getInvalidAddresses() != null
                    && failed.getInvalidAddresses().length > 0) {
                return new MailException(server + " refused the recipients "
                        + List.of(failed.getInvalidAddresses()) + ": " + replyOf(failed) + "; check the addresses", e);
            }
        }
        String text = String.valueOf(e.getMessage());
        if (text.contains("STARTTLS is required")) {
            return new MailException(server + " does not offer STARTTLS, and " + MailSettings.SECURITY
                    + "=starttls never sends in clear; use the server's SMTPS port with " + MailSettings.SECURITY
                    + "=smtps, or have STARTTLS enabled on it", e);
        }
        return new MailException(server + " did not take the message to " + recipients + ": " + replyOf(e)
                + "; the notice stays queued for the next sync", e);
    }

    private static String replyOf(MessagingException e) {
        String text = String.valueOf(e.getMessage()).strip();
        return text.lines().findFirst().orElse(text);
    }

    /** Java's trust store or the pinned certificate, remembering what the server presented. */
    private static final class ServerCertificate implements X509TrustManager {

        private final X509TrustManager javaTrust;
        private final Optional<Fingerprint> pinned;
        private final AtomicReference<X509Certificate> presented;

        ServerCertificate(X509TrustManager javaTrust, Optional<Fingerprint> pinned,
                AtomicReference<X509Certificate> presented) {
            this.javaTrust = javaTrust;
            this.pinned = pinned;
            this.presented = presented;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("the server presented no certificate");
            }
            presented.set(chain[0]);
            if (pinned.isPresent()) {
                if (!Fingerprint.of(chain[0]).equals(pinned.get())) {
                    throw new CertificateException("the server certificate is not the one pinned in "
                            + MailSettings.CERTIFICATE);
                }
                return;
            }
            javaTrust.checkServerTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("this side is never a server");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return javaTrust.getAcceptedIssuers();
        }
    }
}
