package io.sincro.app.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import io.sincro.app.settings.Settings;
import io.sincro.app.settings.SettingsException;
import io.sincro.exchange.ftp.Fingerprint;

/**
 * The mail server a station sends its notices through ({@code mail.*} in sincro.properties). No
 * {@code mail.host}, no mail: notices are then closed as not sent.
 *
 * @param security          how the connection is protected: STARTTLS (required, never plain when the
 *                          server does not offer it), SMTPS (TLS from the first byte) or NONE
 * @param password          from SINCRO_MAIL_PASSWORD or mail.passwordFile; never in toString
 * @param administrators    mail.to: who gets the sync summaries and the agents that are late
 * @param certificateSha256 the one server certificate to accept, instead of the Java trust store
 */
public record MailSettings(String host, int port, Security security, Optional<String> username,
                           Optional<String> password, String from, List<String> administrators,
                           Optional<Fingerprint> certificateSha256) {

    public static final String HOST = "mail.host";
    public static final String PORT = "mail.port";
    public static final String SECURITY = "mail.security";
    public static final String USERNAME = "mail.username";
    public static final String FROM = "mail.from";
    public static final String TO = "mail.to";
    public static final String CERTIFICATE = "mail.certificateSha256";

    /** How the connection to the mail server is protected. */
    public enum Security {
        NONE(25), STARTTLS(587), SMTPS(465);

        private final int defaultPort;

        Security(int defaultPort) {
            this.defaultPort = defaultPort;
        }

        public int defaultPort() {
            return defaultPort;
        }
    }

    public MailSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(from, "from");
        administrators = List.copyOf(administrators);
        Objects.requireNonNull(certificateSha256, "certificateSha256");
    }

    /** The station's mail settings, or none when mail.host is not set; a wrong value is one sentence. */
    public static Optional<MailSettings> of(Settings settings) {
        Optional<String> host = settings.optional(HOST);
        if (host.isEmpty()) {
            return Optional.empty();
        }
        String securityText = settings.optional(SECURITY).orElse("starttls");
        Security security;
        try {
            security = Security.valueOf(securityText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw settings.invalid(SECURITY, securityText, "starttls, smtps or none");
        }
        int port = settings.integer(PORT, security.defaultPort(), 1, 65535);
        Optional<String> username = settings.optional(USERNAME);
        Optional<String> password = settings.mailPassword();
        if (username.isPresent() && password.isEmpty()) {
            throw new SettingsException("setting " + USERNAME + " in " + settings.file() + " names a user but no"
                    + " mail password is set; set the environment variable " + Settings.MAIL_PASSWORD_VARIABLE
                    + " or name a file holding it in " + Settings.MAIL_PASSWORD_FILE);
        }
        String from = address(settings, FROM, settings.optional(FROM).orElseThrow(() -> new SettingsException(
                "setting " + FROM + " is missing in " + settings.file() + "; add a line " + FROM
                        + "=sincro@your-company.example, the address the notices come from")));
        List<String> to = new ArrayList<>();
        for (String one : settings.optional(TO).orElse("").split(",")) {
            if (!one.isBlank()) {
                to.add(address(settings, TO, one.strip()));
            }
        }
        Optional<Fingerprint> certificate = settings.optional(CERTIFICATE).map(text -> {
            try {
                return Fingerprint.parse(text);
            } catch (IllegalArgumentException e) {
                throw settings.invalid(CERTIFICATE, text, "the server certificate's SHA-256 fingerprint, 64"
                        + " hexadecimal digits (check-connection --mail shows it)");
            }
        });
        return Optional.of(new MailSettings(host.get(), port, security, username, password, from, to, certificate));
    }

    private static String address(Settings settings, String key, String text) {
        try {
            InternetAddress address = new InternetAddress(text, true);
            address.validate();
            return address.getAddress();
        } catch (AddressException e) {
            throw settings.invalid(key, text, "e-mail addresses such as office@your-company.example, separated by"
                    + " commas");
        }
    }

    /** The server as messages name it, with the user but never the password. */
    public String server() {
        return security.name().toLowerCase(Locale.ROOT) + "://" + username.map(u -> u + "@").orElse("") + host + ":"
                + port;
    }

    @Override
    public String toString() {
        return "mail " + server() + " from " + from + " to " + administrators;
    }
}
