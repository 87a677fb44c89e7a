package io.sincro.exchange.interop;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import io.sincro.exchange.ftp.FtpSettings;
import io.sincro.exchange.ftp.TlsMode;
import io.sincro.exchange.sftp.SftpSettings;

/**
 * The real servers of the interop suite, as {@code .ci/interop-servers start DIR} left them: the
 * file named by {@code SINCRO_INTEROP} says their ports, users, certificate and host key. Where it
 * is not set the suite is skipped with one line saying why, unless {@code SINCRO_INTEROP_REQUIRED}
 * is set (CI), where that is a failure.
 */
public final class InteropServers {

    public static final String VARIABLE = "SINCRO_INTEROP";
    public static final String REQUIRED = "SINCRO_INTEROP_REQUIRED";

    /** The servers, kind by kind, with the port property and the protection each one speaks. */
    public enum Ftp {
        VSFTPD_PLAIN("vsftpd.plain.port", TlsMode.NONE),
        VSFTPD_EXPLICIT("vsftpd.explicit.port", TlsMode.EXPLICIT),
        VSFTPD_IMPLICIT("vsftpd.implicit.port", TlsMode.IMPLICIT),
        PURE_FTPD_TLS_REQUIRED("pureftpd.port", TlsMode.EXPLICIT);

        private final String portKey;
        private final TlsMode tls;

        Ftp(String portKey, TlsMode tls) {
            this.portKey = portKey;
            this.tls = tls;
        }
    }

    private static final AtomicBoolean TOLD = new AtomicBoolean();

    private final Properties properties;

    private InteropServers(Properties properties) {
        this.properties = properties;
    }

    /** The running servers; skips (or, where required, fails) the calling test when there are none. */
    public static InteropServers require() {
        String file = System.getenv(VARIABLE);
        String why = file == null
                ? "interop suite skipped: no real servers (" + VARIABLE + " is not set; as root run"
                        + " .ci/interop-servers install, then start DIR, and set " + VARIABLE + "=DIR/servers.properties)"
                : Files.isReadable(Path.of(file)) ? null : "interop suite skipped: " + file + " (" + VARIABLE + ") cannot be read";
        if (why != null) {
            if (System.getenv(REQUIRED) != null) {
                Assertions.fail(why.replace("skipped", "required but cannot run") + "; " + REQUIRED + " is set");
            }
            if (!TOLD.getAndSet(true)) {
                // once per test run, on the console: a skipped suite must not pass unnoticed
                System.err.println(why);
            }
            Assumptions.abort(why);
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new InteropServers(properties);
    }

    public String get(String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalStateException(key + " is missing from " + System.getenv(VARIABLE));
        }
        return value;
    }

    public int port(String key) {
        return Integer.parseInt(get(key));
    }

    public String fullUser() {
        return get("user.full");
    }

    public String noDeleteUser() {
        return get("user.nodelete");
    }

    public String chrootedUser() {
        return get("user.chroot");
    }

    public String password() {
        return get("password");
    }

    /** The mailbox folder of {@code user} as it lies on this computer's disk. */
    public Path mailbox(String user) {
        return Path.of(get("home." + user), "mailbox");
    }

    /**
     * Settings for {@code user} on {@code server}: the mailbox in its login folder, the test
     * certificate pinned, short timeouts and one quick retry.
     */
    public FtpSettings ftp(Ftp server, String user) {
        FtpSettings settings = FtpSettings.of("127.0.0.1", port(server.portKey), user, password(), server.tls)
                .withDirectory("mailbox")
                .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(10))
                .withRetries(1, Duration.ofMillis(200));
        return server.tls == TlsMode.NONE ? settings : settings.withCertificateSha256(get("certificate.sha256"));
    }

    /** Password login to OpenSSH's SFTP as {@code user}, its host key pinned; the mailbox in the login folder. */
    public SftpSettings sftp(String user) {
        return SftpSettings.of("127.0.0.1", port("sftp.port"), user, password())
                .withDirectory("mailbox")
                .withHostKeySha256(get("sftp.hostKeySha256"))
                .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(10))
                .withRetries(1, Duration.ofMillis(200));
    }

    /** The private key whose public half is in the full user's authorized keys. */
    public Path privateKey() {
        return Path.of(get("sftp.privateKey"));
    }

    /**
     * Empties {@code user}'s mailbox folder and gives everything in it back to the user: the tests
     * run as root and put files there behind the server's back.
     */
    public void clear(String user) {
        Path mailbox = mailbox(user);
        try (Stream<Path> tree = Files.walk(mailbox)) {
            for (Path path : tree.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                if (!path.equals(mailbox)) {
                    Files.delete(path);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes {@code user} the owner of the mailbox folder and everything in it. */
    public void handOver(String user) {
        Path mailbox = mailbox(user);
        try (Stream<Path> tree = Files.walk(mailbox)) {
            UserPrincipal owner = mailbox.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
            for (Path path : tree.toList()) {
                Files.setOwner(path, owner);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
