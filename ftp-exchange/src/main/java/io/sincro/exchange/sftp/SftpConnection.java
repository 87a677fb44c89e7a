package io.sincro.exchange.sftp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongConsumer;
import java.util.function.Predicate;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.future.AuthFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sincro.exchange.Folder;
import io.sincro.exchange.FolderMissingException;
import io.sincro.exchange.MailboxException;
import io.sincro.exchange.MailboxException.Step;
import io.sincro.exchange.PackageAlreadyExistsException;
import io.sincro.exchange.PackageNotFoundException;

/**
 * One logged-in SFTP session (an SSH session and its SFTP channel), thrown away after any failure.
 * Paths are absolute, built from the mailbox directory; SFTP moves bytes unchanged, so there is
 * no transfer mode to set. A rename is SFTP version 3's, which never replaces an existing file.
 */
final class SftpConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SftpConnection.class);
    private static final int BUFFER_SIZE = 32 * 1024;

    private final ClientSession session;
    private final SftpClient sftp;
    private final SftpSettings settings;
    private final String server;
    private final String base;

    private SftpConnection(ClientSession session, SftpClient sftp, SftpSettings settings, String base) {
        this.session = session;
        this.sftp = sftp;
        this.settings = settings;
        this.server = settings.address();
        this.base = base;
    }

    /** Connects, checks the host key, logs in and opens the SFTP channel; closes all again if a step fails. */
    static SftpConnection open(SshClient client, SftpSettings settings) throws IOException {
        ClientSession session = client.connect(settings.username(), settings.host(), settings.port())
                .verify(settings.connectTimeout()).getSession();
        try {
            if (settings.privateKey() != null) {
                for (KeyPair key : loadKey(settings.privateKey())) {
                    session.addPublicKeyIdentity(key);
                }
            } else {
                session.addPasswordIdentity(settings.password());
            }
            AuthFuture auth = session.auth();
            if (!auth.await(settings.connectTimeout())) {
                throw new SocketTimeoutException("no answer to the login within " + settings.connectTimeout().toSeconds()
                        + " s (ftp.connectTimeoutSeconds)");
            }
            if (!auth.isSuccess()) {
                // a session still open heard the server's refusal; a closed one broke or had its host key refused
                throw session.isOpen() ? new SftpMailbox.LoginRefused(auth.getException())
                        : new IOException("the connection closed during the login", auth.getException());
            }
            SftpClient sftp = SftpClientFactory.instance().createSftpClient(session);
            String base = baseDirectory(sftp, settings);
            log.debug("connected to {} (mailbox directory {}, SFTP version {})", settings.address(), base,
                    sftp.getVersion());
            return new SftpConnection(session, sftp, settings, base);
        } catch (IOException | RuntimeException e) {
            closeQuietly(session);
            throw e;
        }
    }

    /**
     * The key pair in {@code file}, which only its owner may read: a key others can read is not
     * a secret any more, and OpenSSH refuses such keys too.
     */
    static Iterable<KeyPair> loadKey(Path file) {
        if (!Files.isReadable(file)) {
            throw new MailboxException("the private key " + file + " named by ftp.privateKey cannot be read;"
                    + " correct the path", Step.SETTINGS, false, null, null);
        }
        KeyFiles.requireOwnerOnly(file);
        try (InputStream in = Files.newInputStream(file)) {
            Iterable<KeyPair> keys = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(file.toString()), in,
                    FilePasswordProvider.EMPTY);
            if (keys == null || !keys.iterator().hasNext()) {
                throw new GeneralSecurityException("no key in the file");
            }
            return keys;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new MailboxException("the private key " + file + " named by ftp.privateKey cannot be used ("
                    + e.getMessage() + "); give an OpenSSH or PEM private key without a passphrase (ssh-keygen -p"
                    + " removes one)", Step.SETTINGS, false, null, e);
        }
    }

    private static String baseDirectory(SftpClient sftp, SftpSettings settings) throws IOException {
        String directory = settings.directory();
        if (directory.startsWith("/")) {
            return directory;
        }
        String home = sftp.canonicalPath(".");
        String root = home.isEmpty() ? "/" : home;
        if (directory.isEmpty()) {
            return root;
        }
        return root.endsWith("/") ? root + directory : root + "/" + directory;
    }

    /** Whether the session and its SFTP channel are still open (closed by an idle timeout, or by the server). */
    boolean isOpen() {
        return session.isOpen() && sftp.isOpen();
    }

    boolean folderExists(Folder folder) throws IOException {
        SftpClient.Attributes attributes = attributes(path(folder));
        return attributes != null && attributes.isDirectory();
    }

    void createFolder(Folder folder) throws IOException {
        List<String> paths = new ArrayList<>();
        StringBuilder level = new StringBuilder();
        for (String part : (base + "/" + folder.path()).split("/")) {
            if (!part.isEmpty()) {
                level.append('/').append(part);
                paths.add(level.toString());
            }
        }
        for (String path : paths) {
            SftpClient.Attributes existing = attributes(path);
            if (existing != null && existing.isDirectory()) {
                continue;
            }
            try {
                sftp.mkdir(path);
                log.info("created folder {} on {}", path, server);
            } catch (SftpException e) {
                SftpClient.Attributes now = attributes(path);
                if (now == null || !now.isDirectory()) {
                    throw refused(e, Step.FOLDER, "creating folder " + path + " on " + server,
                            "ask the server's administrator to create it, or to let user " + settings.username()
                                    + " create folders there");
                }
            }
        }
    }

    List<String> fileNames(Folder folder, Predicate<String> wanted) throws IOException {
        String path = path(folder);
        List<String> names = new ArrayList<>();
        try (SftpClient.CloseableHandle handle = sftp.openDir(path)) {
            for (SftpClient.DirEntry entry : sftp.listDir(handle)) {
                if (entry.getAttributes().isRegularFile() && wanted.test(entry.getFilename())) {
                    names.add(entry.getFilename());
                }
            }
        } catch (SftpException e) {
            if (e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE) {
                throw missing(folder);
            }
            throw refused(e, Step.LIST, "listing " + folder + " on " + server, askFor("list", folder));
        }
        return names;
    }

    OptionalLong size(Folder folder, String name) throws IOException {
        SftpClient.Attributes attributes = attributes(path(folder) + "/" + name);
        return attributes != null && attributes.isRegularFile() ? OptionalLong.of(attributes.getSize()) : OptionalLong.empty();
    }

    /** The file's modification time, by the server's clock; empty when there is no such file. */
    Optional<Instant> modifiedAt(Folder folder, String name) throws IOException {
        SftpClient.Attributes attributes = attributes(path(folder) + "/" + name);
        return attributes != null && attributes.isRegularFile() && attributes.getModifyTime() != null
                ? Optional.of(attributes.getModifyTime().toInstant()) : Optional.empty();
    }

    /** The same steps as over FTP: temporary name, size check, rename that never overwrites, size check. */
    void upload(Path localFile, long expected, Folder folder, String name, String temporary, UploadState state)
            throws IOException {
        requireFolder(folder);
        String target = path(folder) + "/" + name;
        String part = path(folder) + "/" + temporary;
        if (state.renameSent) {
            OptionalLong finished = size(folder, name);
            if (finished.isPresent() && finished.getAsLong() == expected && size(folder, temporary).isEmpty()) {
                log.info("{} reached {} on {} in an earlier attempt", name, folder, server);
                return;
            }
        }
        refuseExisting(folder, name, temporary, state);
        state.storeStarted = true;
        try (InputStream local = Files.newInputStream(localFile);
                OutputStream remote = sftp.write(part, BUFFER_SIZE, SftpClient.OpenMode.Write,
                        SftpClient.OpenMode.Create, SftpClient.OpenMode.Truncate)) {
            local.transferTo(remote);
        } catch (SftpException e) {
            throw refused(e, Step.WRITE, "writing " + temporary + " in " + folder + " on " + server, askFor("write", folder));
        }
        OptionalLong stored = size(folder, temporary);
        if (stored.isEmpty() || stored.getAsLong() != expected) {
            removeQuietly(part);
            throw new IOException("the upload of " + name + " was incomplete: the server kept "
                    + (stored.isPresent() ? stored.getAsLong() : 0) + " of " + expected + " bytes");
        }
        refuseExisting(folder, name, temporary, state);
        state.renameSent = true;
        try {
            sftp.rename(part, target);
        } catch (SftpException e) {
            OptionalLong there = size(folder, name);
            if (there.isPresent()) {
                removeQuietly(part);
                throw alreadyExists(folder, name, there);
            }
            removeQuietly(part);
            throw refused(e, Step.RENAME, "renaming " + temporary + " to " + name + " in " + folder + " on " + server,
                    askFor("rename files", folder));
        }
        OptionalLong renamed = size(folder, name);
        if (renamed.isEmpty() || renamed.getAsLong() != expected) {
            throw new MailboxException("after the upload, " + name + " in " + folder + " on " + server + " does not"
                    + " hold the " + expected + " bytes sent; another program may be writing there: remove " + name
                    + " from the server and run the sync again", Step.RENAME, false, null, null);
        }
        log.debug("uploaded {} to {} on {} ({} bytes)", name, folder, server, expected);
    }

    /** What an upload remembers between attempts. */
    static final class UploadState {
        boolean storeStarted;
        boolean renameSent;
    }

    /** The download, whose size {@code sizeFound} is told before the transfer starts (see Mailbox#download). */
    void download(Folder folder, String name, Path target, Path temporary, LongConsumer sizeFound) throws IOException {
        requireFolder(folder);
        OptionalLong expected = size(folder, name);
        if (expected.isEmpty()) {
            throw notFound(folder, name);
        }
        sizeFound.accept(expected.getAsLong());
        boolean moved = false;
        try {
            long received;
            try (InputStream remote = sftp.read(path(folder) + "/" + name, BUFFER_SIZE);
                    FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    OutputStream out = Channels.newOutputStream(channel)) {
                // not forced to disk: see Mailbox#download
                received = remote.transferTo(out);
            } catch (SftpException e) {
                if (e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE) {
                    throw notFound(folder, name);
                }
                throw refused(e, Step.READ, "reading " + name + " from " + folder + " on " + server, askFor("read", folder));
            }
            if (received != expected.getAsLong()) {
                throw new IOException("the download of " + name + " was incomplete: " + received + " of "
                        + expected.getAsLong() + " bytes arrived");
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
            log.debug("downloaded {} from {} on {} ({} bytes)", name, folder, server, received);
        } finally {
            if (!moved) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    void delete(Folder folder, String name) throws IOException {
        requireFolder(folder);
        try {
            sftp.remove(path(folder) + "/" + name);
        } catch (SftpException e) {
            if (e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE || size(folder, name).isEmpty()) {
                log.debug("{} was already gone from {}", name, folder);
                return;
            }
            throw refused(e, Step.DELETE, "deleting " + name + " from " + folder + " on " + server,
                    askFor("delete files", folder));
        }
    }

    @Override
    public void close() {
        try {
            sftp.close();
        } catch (IOException e) {
            log.debug("closing the SFTP channel to {} failed: {}", server, e.toString());
        }
        closeQuietly(session);
    }

    private void requireFolder(Folder folder) throws IOException {
        if (!folderExists(folder)) {
            throw missing(folder);
        }
    }

    /** The attributes of a path, or null when there is nothing there. */
    private SftpClient.Attributes attributes(String path) throws IOException {
        try {
            return sftp.stat(path);
        } catch (SftpException e) {
            if (e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE) {
                return null;
            }
            throw refused(e, Step.LIST, "looking at " + path + " on " + server,
                    "ask the server's administrator to let user " + settings.username() + " see " + path);
        }
    }

    private void refuseExisting(Folder folder, String name, String temporary, UploadState state) throws IOException {
        OptionalLong there = size(folder, name);
        if (there.isPresent()) {
            if (state.storeStarted) {
                removeQuietly(path(folder) + "/" + temporary);
            }
            throw alreadyExists(folder, name, there);
        }
    }

    private PackageAlreadyExistsException alreadyExists(Folder folder, String name, OptionalLong there) {
        return new PackageAlreadyExistsException(name + " already exists in " + folder + " on " + server
                + " and was not overwritten (mailbox names are never reused); if it is a leftover of an earlier"
                + " send, compare it with the local copy and remove it by hand", there);
    }

    private PackageNotFoundException notFound(Folder folder, String name) {
        return new PackageNotFoundException(name + " is not in " + folder + " on " + server
                + "; it may have been collected already: list the folder again", null);
    }

    private FolderMissingException missing(Folder folder) {
        return new FolderMissingException("folder " + folder + " does not exist on " + server
                + " (or user " + settings.username() + " may not open it); run sincro check-connection --create,"
                + " or create it on the server", null);
    }

    /** A refusal by the server is permanent: the same request gets the same answer until someone changes a right. */
    private static MailboxException refused(SftpException e, Step step, String what, String advice) {
        String reply = SftpConstants.getStatusName(e.getStatus()) + " " + e.getMessage();
        return new MailboxException(what + " was refused (" + reply + "); " + advice, step, false, reply, e);
    }

    private String askFor(String action, Folder folder) {
        return "ask the server's administrator to let user " + settings.username() + " " + action + " in " + folder;
    }

    private String path(Folder folder) {
        return base.endsWith("/") ? base + folder.path() : base + "/" + folder.path();
    }

    private void removeQuietly(String path) {
        try {
            sftp.remove(path);
        } catch (IOException e) {
            log.debug("could not remove {}: {}", path, e.toString());
        }
    }

    private static void closeQuietly(ClientSession session) {
        try {
            session.close();
        } catch (IOException e) {
            log.debug("closing the SSH session failed: {}", e.toString());
        }
    }
}
