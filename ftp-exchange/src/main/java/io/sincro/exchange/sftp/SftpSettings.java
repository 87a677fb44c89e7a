package io.sincro.exchange.sftp;

import static io.sincro.exchange.SettingsKeys.SETTINGS_FILE;
import static io.sincro.exchange.SettingsKeys.integer;
import static io.sincro.exchange.SettingsKeys.optional;
import static io.sincro.exchange.SettingsKeys.required;
import static io.sincro.exchange.SettingsKeys.seconds;
import static io.sincro.exchange.SettingsKeys.settingsError;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

import io.sincro.exchange.ftp.FtpSettings;

/**
 * How to reach the SFTP mailbox ({@code ftp.protocol=sftp}). {@link #toString()} never shows the
 * password.
 *
 * @param host           server name or address ({@code ftp.host})
 * @param port           server port ({@code ftp.port}, 22)
 * @param directory      mailbox directory, absolute or relative to the login folder; empty for the
 *                       login folder itself ({@code ftp.directory})
 * @param username       user ({@code ftp.username})
 * @param password       password, or null when logging in with a key ({@code ftp.password},
 *                       {@code SINCRO_FTP_PASSWORD} or {@code ftp.passwordFile})
 * @param privateKey     private key file (OpenSSH or PEM, without a passphrase, readable by its
 *                       owner only), or null ({@code ftp.privateKey})
 * @param hostKeySha256  the server's host key fingerprint, {@code SHA256:} and 43 base64 characters
 *                       as {@code ssh-keygen -l} prints it, or null before the first contact
 *                       ({@code ftp.hostKeySha256})
 * @param connectTimeout how long to wait for the connection and the login ({@code ftp.connectTimeoutSeconds})
 * @param replyTimeout   how long to wait for any answer ({@code ftp.controlTimeoutSeconds})
 * @param dataTimeout    how long a transfer may stall ({@code ftp.dataTimeoutSeconds})
 * @param retries        how many times a transient failure is retried ({@code ftp.retries})
 * @param retryBackoff   wait before the first retry, doubled at each one ({@code ftp.retryBackoffSeconds})
 */
public record SftpSettings(
        String host,
        int port,
        String directory,
        String username,
        String password,
        Path privateKey,
        String hostKeySha256,
        Duration connectTimeout,
        Duration replyTimeout,
        Duration dataTimeout,
        int retries,
        Duration retryBackoff) {

    public static final int DEFAULT_PORT = 22;
    private static final int MAX_RETRIES = 10;

    public SftpSettings {
        Objects.requireNonNull(host, "host");
        if (host.isBlank() || host.chars().anyMatch(c -> c <= ' ')) {
            throw new IllegalArgumentException("the SFTP host '" + host + "' is not a host name");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("the SFTP port " + port + " is not between 1 and 65535");
        }
        directory = directory == null ? "" : directory.strip();
        while (directory.length() > 1 && directory.endsWith("/")) {
            directory = directory.substring(0, directory.length() - 1);
        }
        if (directory.chars().anyMatch(c -> c < 0x20 || c == 0x7f) || ("/" + directory + "/").contains("/../")) {
            throw new IllegalArgumentException("the SFTP directory '" + directory + "' cannot contain '..' or control characters");
        }
        Objects.requireNonNull(username, "username");
        if (password == null && privateKey == null) {
            throw new IllegalArgumentException("an SFTP login needs a password or a private key");
        }
        if (hostKeySha256 != null) {
            hostKeySha256 = HostKeyCheck.normalize(hostKeySha256);
        }
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(replyTimeout, "replyTimeout");
        Objects.requireNonNull(dataTimeout, "dataTimeout");
        if (retries < 0 || retries > MAX_RETRIES) {
            throw new IllegalArgumentException("retries must be between 0 and " + MAX_RETRIES + ", not " + retries);
        }
        Objects.requireNonNull(retryBackoff, "retryBackoff");
    }

    /** Password login with the default timeouts and retries, the host key not yet pinned. */
    public static SftpSettings of(String host, int port, String username, String password) {
        return new SftpSettings(host, port, "", username, password, null, null, Duration.ofSeconds(15),
                Duration.ofSeconds(60), Duration.ofSeconds(60), 3, Duration.ofSeconds(2));
    }

    public SftpSettings withDirectory(String newDirectory) {
        return new SftpSettings(host, port, newDirectory, username, password, privateKey, hostKeySha256,
                connectTimeout, replyTimeout, dataTimeout, retries, retryBackoff);
    }

    public SftpSettings withHostKeySha256(String fingerprint) {
        return new SftpSettings(host, port, directory, username, password, privateKey, fingerprint,
                connectTimeout, replyTimeout, dataTimeout, retries, retryBackoff);
    }

    /** Key login instead of the password. */
    public SftpSettings withPrivateKey(Path key) {
        return new SftpSettings(host, port, directory, username, null, key, hostKeySha256,
                connectTimeout, replyTimeout, dataTimeout, retries, retryBackoff);
    }

    public SftpSettings withTimeouts(Duration connect, Duration reply, Duration data) {
        return new SftpSettings(host, port, directory, username, password, privateKey, hostKeySha256,
                connect, reply, data, retries, retryBackoff);
    }

    public SftpSettings withRetries(int newRetries, Duration newBackoff) {
        return new SftpSettings(host, port, directory, username, password, privateKey, hostKeySha256,
                connectTimeout, replyTimeout, dataTimeout, newRetries, newBackoff);
    }

    /**
     * Reads the {@code ftp.*} keys for {@code ftp.protocol=sftp}: the same host, port, directory,
     * user, password, timeouts and retries as FTP, plus {@code ftp.hostKeySha256} and
     * {@code ftp.privateKey}. With a private key the password is not needed.
     *
     * @throws io.sincro.exchange.MailboxException (step {@code SETTINGS}) naming the key to fix
     */
    public static SftpSettings fromProperties(Properties properties, Map<String, String> environment, Path configFolder) {
        String host = required(properties, "ftp.host", "the SFTP server's name or address");
        int port = integer(properties, "ftp.port", DEFAULT_PORT, 1, 65535);
        String username = required(properties, "ftp.username", "the SFTP user name");
        String keyText = optional(properties, "ftp.privateKey");
        Path key = keyText == null ? null : configFolder.resolve(keyText).normalize();
        String password = FtpSettings.passwordIn(properties, environment, configFolder).filter(p -> !p.isEmpty()).orElse(null);
        if (key == null && password == null) {
            throw settingsError("no SFTP password or key is set; set ftp.privateKey to a private key file, or the"
                    + " password in the environment variable " + FtpSettings.PASSWORD_VARIABLE
                    + ", ftp.passwordFile or ftp.password in " + SETTINGS_FILE);
        }
        String fingerprint = optional(properties, "ftp.hostKeySha256");
        if (fingerprint != null && !HostKeyCheck.isFingerprint(fingerprint)) {
            throw settingsError("ftp.hostKeySha256 in " + SETTINGS_FILE + " is '" + fingerprint + "', not a host key"
                    + " fingerprint; write it as ssh-keygen -l prints it, SHA256: followed by 43 characters");
        }
        try {
            return new SftpSettings(host, port, optional(properties, "ftp.directory"), username,
                    key == null ? password : null, key, fingerprint,
                    seconds(properties, "ftp.connectTimeoutSeconds", Duration.ofSeconds(15), 1),
                    seconds(properties, "ftp.controlTimeoutSeconds", Duration.ofSeconds(60), 1),
                    seconds(properties, "ftp.dataTimeoutSeconds", Duration.ofSeconds(60), 1),
                    integer(properties, "ftp.retries", 3, 0, MAX_RETRIES),
                    seconds(properties, "ftp.retryBackoffSeconds", Duration.ofSeconds(2), 0));
        } catch (IllegalArgumentException e) {
            throw settingsError(e.getMessage() + "; correct the ftp settings in " + SETTINGS_FILE);
        }
    }

    /** The server as written in messages, with the user but never the password. */
    String address() {
        return "sftp://" + username + "@" + host + ":" + port
                + (directory.isEmpty() ? "" : directory.startsWith("/") ? directory : "/" + directory);
    }

    @Override
    public String toString() {
        return "SftpSettings[host=" + host + ", port=" + port + ", directory=" + directory + ", username=" + username
                + ", password=" + (password == null ? "(none)" : "(hidden)") + ", privateKey=" + privateKey
                + ", hostKeySha256=" + hostKeySha256 + ", connectTimeout=" + connectTimeout.toSeconds() + "s"
                + ", replyTimeout=" + replyTimeout.toSeconds() + "s, dataTimeout=" + dataTimeout.toSeconds() + "s"
                + ", retries=" + retries + ", retryBackoff=" + retryBackoff.toMillis() + "ms]";
    }
}
