package io.sincro.exchange.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.apache.ftpserver.ConnectionConfigFactory;
import org.apache.ftpserver.DataConnectionConfigurationFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerConfigurationException;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.command.CommandFactoryFactory;
import org.apache.ftpserver.ftplet.Authority;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.Ftplet;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.listener.Listener;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.ssl.SslConfigurationFactory;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.WritePermission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sincro.exchange.Folder;
import io.sincro.exchange.MailboxException;
import io.sincro.exchange.MailboxException.Step;
import io.sincro.exchange.ftp.Fingerprint;
import io.sincro.exchange.ftp.TlsMode;

/**
 * An FTP server on a local folder (Apache FtpServer), with the mailbox folders made, so that a
 * trial or a small office needs nothing else installed: {@code sincro mailbox serve}.
 *
 * <p>It listens on 127.0.0.1 unless told otherwise. Anonymous access is allowed only there: a
 * server other computers can reach must have a user and password.
 */
public final class MailboxServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MailboxServer.class);
    private static final String LISTENER = "default";
    private static final String ANONYMOUS = "anonymous";
    private static final int IDLE_SECONDS = 300;

    private final FtpServer server;
    private final Listener listener;
    private final ServeOptions options;
    private final Fingerprint certificate;

    private MailboxServer(FtpServer server, Listener listener, ServeOptions options, Fingerprint certificate) {
        this.server = server;
        this.listener = listener;
        this.options = options;
        this.certificate = certificate;
    }

    /** Makes the mailbox folders in the root and starts serving it, reporting nothing. */
    public static MailboxServer start(ServeOptions options) {
        return start(options, event -> { });
    }

    /**
     * Makes the mailbox folders in the root and starts serving it.
     *
     * @param events told of every login, transfer, rename, deletion and new folder (on the
     *               server's threads; it must be quick and thread-safe)
     * @throws MailboxException (step {@code SETTINGS}) if the options cannot be served as given
     */
    public static MailboxServer start(ServeOptions options, Consumer<ServerEvent> events) {
        if (options.username() == null && !options.isLoopbackOnly()) {
            throw new MailboxException("a mailbox server other computers can reach (" + options.bindAddress()
                    + ") must not accept anonymous logins; give it a user and a password", Step.SETTINGS, false,
                    null, null);
        }
        Path root = options.root().toAbsolutePath().normalize();
        try {
            for (Folder folder : Folder.headOfficeFolders()) {
                Files.createDirectories(root.resolve(folder.path()));
            }
        } catch (IOException e) {
            throw new MailboxException("the mailbox folders cannot be made in " + root + " (" + e
                    + "); choose a folder this user may write in", Step.SETTINGS, false, null, e);
        }

        ListenerFactory listenerFactory = new ListenerFactory();
        listenerFactory.setServerAddress(options.bindAddress());
        listenerFactory.setPort(options.port());
        listenerFactory.setIdleTimeout(IDLE_SECONDS);
        DataConnectionConfigurationFactory data = new DataConnectionConfigurationFactory();
        // passive only, answered on the address the client reached: what Sincro and firewalls want
        data.setActiveEnabled(false);
        if (options.tls() != TlsMode.NONE) {
            SslConfigurationFactory ssl = new SslConfigurationFactory();
            // Apache FtpServer speaks only TLS 1.2 unless told otherwise
            ssl.setSslProtocol("TLSv1.3", "TLSv1.2");
            ssl.setKeystoreFile(options.keyStore().toFile());
            if (options.keyStorePassword() != null) {
                ssl.setKeystorePassword(options.keyStorePassword());
            }
            listenerFactory.setSslConfiguration(ssl.createSslConfiguration());
            listenerFactory.setImplicitSsl(options.tls() == TlsMode.IMPLICIT);
            data.setImplicitSsl(options.tls() == TlsMode.IMPLICIT);
        }
        listenerFactory.setDataConnectionConfiguration(data.createDataConnectionConfiguration());
        Fingerprint certificate = options.tls() == TlsMode.NONE ? null : certificateIn(options);

        FtpServerFactory factory = new FtpServerFactory();
        Listener listener = listenerFactory.createListener();
        factory.addListener(LISTENER, listener);
        factory.setUserManager(users(root, options));
        ConnectionConfigFactory connections = new ConnectionConfigFactory();
        connections.setAnonymousLoginEnabled(options.username() == null);
        factory.setConnectionConfig(connections.createConnectionConfig());
        // a mutable map: the server clears it when it stops
        Map<String, Ftplet> ftplets = new HashMap<>(Map.of("activity", new ActivityFtplet(events)));
        if (options.tls() == TlsMode.EXPLICIT) {
            ftplets.put("tls-first", new TlsFirstFtplet());
        }
        factory.setFtplets(ftplets);
        factory.setCommandFactory(new NoDelayCommands(new CommandFactoryFactory().createCommandFactory()));

        FtpServer server = factory.createServer();
        try {
            server.start();
        } catch (FtpException | FtpServerConfigurationException e) {
            throw new MailboxException("the mailbox server cannot listen on " + options.bindAddress() + ":"
                    + options.port() + " (" + rootCause(e) + "); choose another port with --port (0 picks a free one)"
                    + " or another address", Step.SETTINGS, false, null, e);
        }
        MailboxServer started = new MailboxServer(server, listener, options, certificate);
        log.info("serving mailbox {} on {}:{} ({})", root, options.bindAddress(), started.port(), options.tls());
        return started;
    }

    private static UserManager users(Path root, ServeOptions options) {
        UserManager users = new PropertiesUserManagerFactory().createUserManager();
        BaseUser user = new BaseUser();
        user.setName(options.username() == null ? ANONYMOUS : options.username());
        user.setPassword(options.password());
        user.setHomeDirectory(root.toString());
        user.setMaxIdleTime(IDLE_SECONDS);
        user.setAuthorities(List.<Authority>of(new WritePermission()));
        try {
            // without a user file the manager keeps users in memory only
            users.save(user);
        } catch (FtpException e) {
            throw new IllegalStateException("an in-memory user manager refused a user", e);
        }
        return users;
    }

    /** The SHA-256 fingerprint of the certificate of the key store's first key, which stations pin. */
    private static Fingerprint certificateIn(ServeOptions options) {
        String password = options.keyStorePassword();
        try {
            KeyStore store = KeyStore.getInstance(options.keyStore().toFile(), password == null ? null : password.toCharArray());
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias) && store.getCertificate(alias) instanceof X509Certificate x509) {
                    return Fingerprint.of(x509);
                }
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new MailboxException("the key store " + options.keyStore() + " cannot be read (" + e.getMessage()
                    + "); check the file and its password", Step.SETTINGS, false, null, e);
        }
        throw new MailboxException("the key store " + options.keyStore() + " holds no key with a certificate; make"
                + " one with keytool -genkeypair", Step.SETTINGS, false, null, null);
    }

    /** The SHA-256 fingerprint of the server's certificate, or empty for plain FTP. */
    public Optional<Fingerprint> certificateSha256() {
        return Optional.ofNullable(certificate);
    }

    /** The port actually listened on (the chosen one when started with port 0). */
    public int port() {
        return listener.getPort();
    }

    /** Visible for the tests: the server's listener, which knows its connected sessions. */
    Listener listener() {
        return listener;
    }

    /** The address listened on. */
    public String host() {
        return options.bindAddress();
    }

    /** The folder served. */
    public Path root() {
        return options.root().toAbsolutePath().normalize();
    }

    /**
     * The {@code ftp.*} lines a station's {@code sincro.properties} needs to use this server
     * (the password is left out: it goes in {@code SINCRO_FTP_PASSWORD} or a password file).
     */
    public List<String> clientSettings() {
        List<String> lines = new ArrayList<>(List.of(
                "ftp.host=" + ServeOptions.stationHost(options.bindAddress()),
                "ftp.port=" + port(),
                "ftp.username=" + (options.username() == null ? ANONYMOUS : options.username()),
                "ftp.tls=" + options.tls()));
        if (certificate != null) {
            lines.add("ftp.certificateSha256=" + certificate);
        }
        return lines;
    }

    /** Stops serving; connected clients are disconnected. */
    @Override
    public void close() {
        if (!server.isStopped()) {
            server.stop();
            log.info("stopped serving mailbox {}", root());
        }
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }
}
