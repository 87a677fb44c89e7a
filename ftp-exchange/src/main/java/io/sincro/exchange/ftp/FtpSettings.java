package io.sincro.exchange.ftp;

import static io.sincro.exchange.SettingsKeys.SETTINGS_FILE;
import static io.sincro.exchange.SettingsKeys.integer;
import static io.sincro.exchange.SettingsKeys.optional;
import static io.sincro.exchange.SettingsKeys.required;
import static io.sincro.exchange.SettingsKeys.seconds;
import static io.sincro.exchange.SettingsKeys.settingsError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

import io.sincro.exchange.MailboxException;

/**
 * How to reach the FTP mailbox. {@link #toString()} never shows the passwords.
 *
 * @param host               server name or address ({@code ftp.host})
 * @param port               server port ({@code ftp.port}; 21, or 990 for implicit FTPS)
 * @param directory          mailbox directory on the server, absolute or relative to the login
 *                           folder; empty for the login folder itself ({@code ftp.directory})
 * @param username           FTP user ({@code ftp.username})
 * @param password           FTP password ({@code ftp.password}, {@code SINCRO_FTP_PASSWORD} or
 *                           the file named by {@code ftp.passwordFile})
 * @param tls                {@code none}, {@code explicit} or {@code implicit} ({@code ftp.tls})
 * @param trustStore         key store with the certificates to trust, or null for the Java
 *                           runtime's public certificate authorities ({@code ftp.trustStore})
 * @param trustStorePassword its password, or null ({@code ftp.trustStorePassword})
 * @param certificateSha256  SHA-256 fingerprint of the one server certificate to accept, or
 *                           null; when set it replaces the chain and host name checks
 *                           ({@code ftp.certificateSha256})
 * @param connectTimeout     how long to wait for the connection ({@code ftp.connectTimeoutSeconds})
 * @param controlTimeout     how long to wait for any reply ({@code ftp.controlTimeoutSeconds})
 * @param dataTimeout        how long a transfer may stall ({@code ftp.dataTimeoutSeconds})
 * @param retries            how many times a transient failure is retried ({@code ftp.retries})
 * @param retryBackoff       wait before the first retry, doubled at each one ({@code ftp.retryBackoffSeconds})
 */
public record FtpSettings(
        String host,
        int port,
        String directory,
        String username,
        String password,
        TlsMode tls,
        Path trustStore,
        String trustStorePassword,
        String certificateSha256,
        Duration connectTimeout,
        Duration controlTimeout,
        Duration dataTimeout,
        int retries,
        Duration retryBackoff) {

    /** Environment variable that holds the FTP password, so it need not be in the settings file. */
    public static final String PASSWORD_VARIABLE = "SINCRO_FTP_PASSWORD";

    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(15);
    static final Duration DEFAULT_CONTROL_TIMEOUT = Duration.ofSeconds(60);
    static final Duration DEFAULT_DATA_TIMEOUT = Duration.ofSeconds(60);
    static final int DEFAULT_RETRIES = 3;
    static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofSeconds(2);
    private static final int MAX_RETRIES = 10;

    public FtpSettings {
        Objects.requireNonNull(host, "host");
        if (host.isBlank() || host.chars().anyMatch(c -> c <= ' ')) {
            throw new IllegalArgumentException("the FTP host '" + host + "' is not a host name");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("the FTP port " + port + " is not between 1 and 65535");
        }
        directory = normalizeDirectory(directory);
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(tls, "tls");
        if (certificateSha256 != null) {
            certificateSha256 = Fingerprint.parse(certificateSha256).toString();
        }
        requirePositive(connectTimeout, "connect timeout");
        requirePositive(controlTimeout, "control timeout");
        requirePositive(dataTimeout, "data timeout");
        if (retries < 0 || retries > MAX_RETRIES) {
            throw new IllegalArgumentException("retries must be between 0 and " + MAX_RETRIES + ", not " + retries);
        }
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        if (retryBackoff.isNegative()) {
            throw new IllegalArgumentException("the retry backoff cannot be negative");
        }
    }

    /** Settings with the default timeouts and retries, no trust store and no pinned certificate. */
    public static FtpSettings of(String host, int port, String username, String password, TlsMode tls) {
        return new FtpSettings(host, port, "", username, password, tls, null, null, null,
                DEFAULT_CONNECT_TIMEOUT, DEFAULT_CONTROL_TIMEOUT, DEFAULT_DATA_TIMEOUT,
                DEFAULT_RETRIES, DEFAULT_RETRY_BACKOFF);
    }

    public FtpSettings withDirectory(String newDirectory) {
        return new FtpSettings(host, port, newDirectory, username, password, tls, trustStore, trustStorePassword,
                certificateSha256, connectTimeout, controlTimeout, dataTimeout, retries, retryBackoff);
    }

    public FtpSettings withTrustStore(Path newTrustStore, String newTrustStorePassword) {
        return new FtpSettings(host, port, directory, username, password, tls, newTrustStore, newTrustStorePassword,
                certificateSha256, connectTimeout, controlTimeout, dataTimeout, retries, retryBackoff);
    }

    public FtpSettings withCertificateSha256(String fingerprint) {
        return new FtpSettings(host, port, directory, username, password, tls, trustStore, trustStorePassword,
                fingerprint, connectTimeout, controlTimeout, dataTimeout, retries, retryBackoff);
    }

    public FtpSettings withTimeouts(Duration connect, Duration control, Duration data) {
        return new FtpSettings(host, port, directory, username, password, tls, trustStore, trustStorePassword,
                certificateSha256, connect, control, data, retries, retryBackoff);
    }

    public FtpSettings withRetries(int newRetries, Duration newBackoff) {
        return new FtpSettings(host, port, directory, username, password, tls, trustStore, trustStorePassword,
                certificateSha256, connectTimeout, controlTimeout, dataTimeout, newRetries, newBackoff);
    }

    /**
     * Reads the {@code ftp.*} keys of the settings file. The password is taken from the
     * environment variable {@value #PASSWORD_VARIABLE} if set, else from the file named by
     * {@code ftp.passwordFile}, else from {@code ftp.password}.
     *
     * @param properties   the settings file's content
     * @param environment  the process environment ({@code System.getenv()})
     * @param configFolder the folder of the settings file; relative paths are resolved against it
     * @throws MailboxException (step {@code SETTINGS}) naming the key to fix
     */
    public static FtpSettings fromProperties(Properties properties, Map<String, String> environment, Path configFolder) {
        String host = required(properties, "ftp.host", "the FTP server's name or address");
        TlsMode tls = TlsMode.EXPLICIT;
        String tlsText = optional(properties, "ftp.tls");
        if (tlsText != null) {
            try {
                tls = TlsMode.parse(tlsText);
            } catch (IllegalArgumentException e) {
                throw settingsError("ftp.tls in " + SETTINGS_FILE + " is '" + tlsText
                        + "'; set it to none, explicit (FTPS on port 21) or implicit (FTPS on port 990)");
            }
        }
        int port = integer(properties, "ftp.port", tls.defaultPort(), 1, 65535);
        String username = required(properties, "ftp.username", "the FTP user name");
        String password = password(properties, environment, configFolder);
        Path trustStore = null;
        String trustStoreText = optional(properties, "ftp.trustStore");
        if (trustStoreText != null) {
            trustStore = configFolder.resolve(trustStoreText).normalize();
            if (!Files.isReadable(trustStore)) {
                throw settingsError("the trust store " + trustStore + " named by ftp.trustStore cannot be read;"
                        + " correct the path or remove the key to trust the public certificate authorities");
            }
        }
        String trustStorePassword = optional(properties, "ftp.trustStorePassword");
        String fingerprint = optional(properties, "ftp.certificateSha256");
        if (fingerprint != null) {
            try {
                fingerprint = Fingerprint.parse(fingerprint).toString();
            } catch (IllegalArgumentException e) {
                throw settingsError("ftp.certificateSha256 in " + SETTINGS_FILE + " is not a SHA-256 fingerprint;"
                        + " write the 64 hexadecimal digits of the server certificate's SHA-256 fingerprint");
            }
        }
        Duration connect = seconds(properties, "ftp.connectTimeoutSeconds", DEFAULT_CONNECT_TIMEOUT, 1);
        Duration control = seconds(properties, "ftp.controlTimeoutSeconds", DEFAULT_CONTROL_TIMEOUT, 1);
        Duration data = seconds(properties, "ftp.dataTimeoutSeconds", DEFAULT_DATA_TIMEOUT, 1);
        int retries = integer(properties, "ftp.retries", DEFAULT_RETRIES, 0, MAX_RETRIES);
        Duration backoff = seconds(properties, "ftp.retryBackoffSeconds", DEFAULT_RETRY_BACKOFF, 0);
        String directory = optional(properties, "ftp.directory");
        try {
            return new FtpSettings(host, port, directory, username, password, tls, trustStore, trustStorePassword,
                    fingerprint, connect, control, data, retries, backoff);
        } catch (IllegalArgumentException e) {
            throw settingsError(e.getMessage() + "; correct the ftp settings in " + SETTINGS_FILE);
        }
    }

    /** The directory as it is used on the server: trimmed, without a trailing slash, "" for the login folder. */
    private static String normalizeDirectory(String text) {
        if (text == null) {
            return "";
        }
        String dir = text.strip();
        while (dir.length() > 1 && dir.endsWith("/")) {
            dir = dir.substring(0, dir.length() - 1);
        }
        if (dir.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("the FTP directory contains control characters");
        }
        for (String segment : dir.split("/")) {
            if (segment.equals("..")) {
                throw new IllegalArgumentException("the FTP directory '" + dir + "' cannot contain '..'");
            }
        }
        return dir;
    }

    private static void requirePositive(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("the " + what + " must be positive");
        }
    }

    private static String password(Properties properties, Map<String, String> environment, Path configFolder) {
        return passwordIn(properties, environment, configFolder).orElseThrow(() -> settingsError(
                "no FTP password is set; set the environment variable " + PASSWORD_VARIABLE
                + ", or ftp.passwordFile (a file holding only the password), or ftp.password in " + SETTINGS_FILE));
    }

    /**
     * The FTP password of a station's settings, wherever it is kept: the environment variable
     * SINCRO_FTP_PASSWORD first, then the file named by ftp.passwordFile, then ftp.password.
     */
    public static Optional<String> passwordIn(Properties properties, Map<String, String> environment, Path configFolder) {
        String fromEnvironment = environment.get(PASSWORD_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return Optional.of(fromEnvironment);
        }
        String file = optional(properties, "ftp.passwordFile");
        if (file != null) {
            Path path = configFolder.resolve(file).normalize();
            try {
                // editors add a final line break; surrounding spaces are never part of a password here
                String content = Files.readString(path, StandardCharsets.UTF_8).strip();
                if (content.isEmpty()) {
                    throw settingsError("the password file " + path + " named by ftp.passwordFile is empty;"
                            + " write the FTP password in it");
                }
                return Optional.of(content);
            } catch (IOException e) {
                throw settingsError("the password file " + path + " named by ftp.passwordFile cannot be read ("
                        + e.getClass().getSimpleName() + "); correct the path or its permissions");
            }
        }
        return Optional.ofNullable(properties.getProperty("ftp.password"));
    }

    /** The server as written in messages, with the user but never the password. */
    String address() {
        return (tls == TlsMode.IMPLICIT ? "ftps://" : "ftp://") + username + "@" + host + ":" + port
                + (directory.isEmpty() ? "" : directory.startsWith("/") ? directory : "/" + directory);
    }

    @Override
    public String toString() {
        return "FtpSettings[host=" + host + ", port=" + port + ", directory=" + directory
                + ", username=" + username + ", password=" + mask(password)
                + ", tls=" + tls + ", trustStore=" + trustStore
                + ", trustStorePassword=" + mask(trustStorePassword)
                + ", certificateSha256=" + certificateSha256
                + ", connectTimeout=" + connectTimeout.toSeconds() + "s"
                + ", controlTimeout=" + controlTimeout.toSeconds() + "s"
                + ", dataTimeout=" + dataTimeout.toSeconds() + "s"
                + ", retries=" + retries + ", retryBackoff=" + retryBackoff.toMillis() + "ms]";
    }

    private static String mask(String secret) {
        return secret == null ? "(none)" : "(hidden)";
    }
}
