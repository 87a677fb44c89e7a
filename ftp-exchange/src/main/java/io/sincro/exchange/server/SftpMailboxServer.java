package io.sincro.exchange.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.List;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.RejectAllPublickeyAuthenticator;
import org.apache.sshd.server.config.keys.AuthorizedKeysAuthenticator;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sincro.exchange.Folder;
import io.sincro.exchange.MailboxException;
import io.sincro.exchange.MailboxException.Step;

/**
 * An SFTP server on a local folder (Apache MINA SSHD), with the mailbox folders made: the SFTP
 * trial of {@code sincro mailbox serve --sftp}, and the tests' SFTP server. The user sees the
 * folder as its root. The host key is kept in a file so its fingerprint, which stations pin,
 * survives restarts.
 */
public final class SftpMailboxServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SftpMailboxServer.class);

    private final SshServer server;
    private final SftpServeOptions options;
    private final String fingerprint;

    private SftpMailboxServer(SshServer server, SftpServeOptions options, String fingerprint) {
        this.server = server;
        this.options = options;
        this.fingerprint = fingerprint;
    }

    /**
     * Makes the mailbox folders in the root and starts serving it.
     *
     * @throws MailboxException (step {@code SETTINGS}) if the options cannot be served as given
     */
    public static SftpMailboxServer start(SftpServeOptions options) {
        Path root = options.root().toAbsolutePath().normalize();
        try {
            for (Folder folder : Folder.headOfficeFolders()) {
                Files.createDirectories(root.resolve(folder.path()));
            }
        } catch (IOException e) {
            throw new MailboxException("the mailbox folders cannot be made in " + root + " (" + e
                    + "); choose a folder this user may write in", Step.SETTINGS, false, null, e);
        }
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost(options.bindAddress());
        server.setPort(options.port());
        SimpleGeneratorHostKeyProvider hostKeys = new SimpleGeneratorHostKeyProvider(options.hostKey());
        hostKeys.setAlgorithm(KeyUtils.EC_ALGORITHM);
        server.setKeyPairProvider(hostKeys);
        String user = options.username();
        String password = options.password();
        server.setPasswordAuthenticator(password == null ? null
                : (name, given, session) -> user.equals(name) && MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8)));
        server.setPublickeyAuthenticator(options.authorizedKeys() == null ? RejectAllPublickeyAuthenticator.INSTANCE
                : new AuthorizedKeysAuthenticator(options.authorizedKeys()) {
                    @Override
                    public boolean authenticate(String name, PublicKey key, ServerSession session) {
                        return user.equals(name) && super.authenticate(name, key, session);
                    }
                });
        server.setKeyboardInteractiveAuthenticator(null);
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(new VirtualFileSystemFactory(root));
        String fingerprint;
        try {
            server.start();
            fingerprint = fingerprintOf(hostKeys);
        } catch (IOException | RuntimeException e) {
            server.close(true);
            throw new MailboxException("the SFTP mailbox server cannot listen on " + options.bindAddress() + ":"
                    + options.port() + " (" + e.getMessage() + "); choose another port with --port (0 picks a free one)"
                    + " or another address", Step.SETTINGS, false, null, e);
        }
        SftpMailboxServer started = new SftpMailboxServer(server, options, fingerprint);
        log.info("serving mailbox {} over SFTP on {}:{} (host key {})", root, options.bindAddress(), started.port(),
                fingerprint);
        return started;
    }

    private static String fingerprintOf(SimpleGeneratorHostKeyProvider hostKeys) throws IOException {
        for (KeyPair key : hostKeys.loadKeys(null)) {
            return KeyUtils.getFingerPrint(BuiltinDigests.sha256, key.getPublic());
        }
        throw new IOException("no host key was made");
    }

    /** The port actually listened on (the chosen one when started with port 0). */
    public int port() {
        return server.getPort();
    }

    /** The host key's fingerprint, as stations pin it: SHA256:... */
    public String hostKeySha256() {
        return fingerprint;
    }

    /** The folder served. */
    public Path root() {
        return options.root().toAbsolutePath().normalize();
    }

    /**
     * The {@code ftp.*} lines a station's {@code sincro.properties} needs to use this server (the
     * password is left out: it goes in {@code SINCRO_FTP_PASSWORD} or a password file).
     */
    public List<String> clientSettings() {
        return List.of(
                "ftp.protocol=sftp",
                "ftp.host=" + ServeOptions.stationHost(options.bindAddress()),
                "ftp.port=" + port(),
                "ftp.username=" + options.username(),
                "ftp.hostKeySha256=" + fingerprint);
    }

    @Override
    public void close() {
        try {
            server.stop(true);
            log.info("stopped serving mailbox {} over SFTP", root());
        } catch (IOException e) {
            log.debug("stopping the SFTP server failed: {}", e.toString());
        }
    }
}
