package io.sincro.exchange.sftp;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongConsumer;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.core.CoreModuleProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sincro.exchange.ConnectingAhead;
import io.sincro.exchange.Folder;
import io.sincro.exchange.Mailbox;
import io.sincro.exchange.MailboxException;
import io.sincro.exchange.MailboxException.Step;
import io.sincro.exchange.PackageNames;
import io.sincro.exchange.ftp.FtpSettings;

/**
 * The mailbox on an SFTP server (OpenSSH, a hosting provider's), through Apache MINA SSHD.
 *
 * <p>It keeps the FTP mailbox's rules (RELIABILITY 1 to 7): each operation runs on one session,
 * opened when first needed; a transient failure (a dropped connection, a timeout, an incomplete
 * transfer) throws the session away and tries the whole operation again on a new one, up to
 * {@code ftp.retries} times with a doubling backoff; a refusal (permission denied, a wrong password,
 * a host key that is not the pinned one) is reported at once. No wait is unbounded: the connection
 * and the login wait {@code ftp.connectTimeoutSeconds}, and a session silent for
 * {@code ftp.dataTimeoutSeconds} is closed.
 */
public final class SftpMailbox implements Mailbox {

    private static final Logger log = LoggerFactory.getLogger(SftpMailbox.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    private final SftpSettings settings;
    private final PackageNames names;
    private final HostKeyCheck hostKeys;
    private SshClient client;
    private SftpConnection connection;
    /** The connection {@link #connectAhead} is making, until the first operation takes it. */
    private ConnectingAhead<SftpConnection> opening;

    /**
     * @param settings how to reach the server
     * @param names    which file names are packages
     */
    public SftpMailbox(SftpSettings settings, PackageNames names) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.names = Objects.requireNonNull(names, "names");
        this.hostKeys = new HostKeyCheck(settings.hostKeySha256());
    }

    @Override
    public String location() {
        return settings.address() + " (SFTP)";
    }

    @Override
    public void open() {
        run(Step.CONNECT, "connection to " + settings.address(), c -> null);
    }

    /**
     * Starts the SSH client and makes the connection (key exchange, host key check, login) on a
     * thread of its own; the first operation waits for it and meets its failure as its own.
     */
    @Override
    public void connectAhead() {
        if (connection != null || opening != null) {
            return;
        }
        SshClient started = client();
        opening = ConnectingAhead.start("sincro-connect-" + settings.address(), () -> connect(started));
    }

    @Override
    public boolean folderExists(Folder folder) {
        return run(Step.FOLDER, "looking for folder " + folder + " on " + settings.address(), c -> c.folderExists(folder));
    }

    @Override
    public void createFolder(Folder folder) {
        run(Step.FOLDER, "creating folder " + folder + " on " + settings.address(), c -> {
            c.createFolder(folder);
            return null;
        });
    }

    @Override
    public List<String> list(Folder folder) {
        List<String> packages = run(Step.LIST, "listing " + folder + " on " + settings.address(),
                c -> c.fileNames(folder, names::isPackage));
        return packages.stream().sorted().toList();
    }

    @Override
    public List<String> temporaryUploads(Folder folder) {
        List<String> temporary = run(Step.LIST, "listing the unfinished uploads in " + folder + " on " + settings.address(),
                c -> c.fileNames(folder, n -> PackageNames.isSafe(n) && PackageNames.isTemporary(n)));
        return temporary.stream().sorted().toList();
    }

    @Override
    public OptionalLong size(Folder folder, String name) {
        requireSafe(name);
        return run(Step.LIST, "asking the size of " + name + " in " + folder + " on " + settings.address(),
                c -> c.size(folder, name));
    }

    @Override
    public Optional<Instant> modifiedAt(Folder folder, String name) {
        requireSafe(name);
        return run(Step.LIST, "asking when " + name + " in " + folder + " on " + settings.address() + " was written",
                c -> c.modifiedAt(folder, name));
    }

    @Override
    public void upload(Path localFile, Folder folder, String name) {
        PackageNames.requireFinalName(name);
        String what = "upload of " + name + " to " + folder + " on " + settings.address();
        if (!Files.isRegularFile(localFile)) {
            throw new MailboxException(what + " cannot start: " + localFile + " is not a file on this computer;"
                    + " it may have been moved or deleted", Step.WRITE, false, null, null);
        }
        String temporary = names.temporaryName(name);
        SftpConnection.UploadState state = new SftpConnection.UploadState();
        run(Step.WRITE, what, c -> {
            c.upload(localFile, Files.size(localFile), folder, name, temporary, state);
            return null;
        });
    }

    @Override
    public void download(Folder folder, String name, Path localFile, LongConsumer sizeFound) {
        requireSafe(name);
        Path target = localFile.toAbsolutePath();
        if (!Files.isDirectory(target.getParent())) {
            throw new MailboxException("download of " + name + " cannot start: the local folder " + target.getParent()
                    + " does not exist; create it first", Step.READ, false, null, null);
        }
        run(Step.READ, "download of " + name + " from " + folder + " on " + settings.address(), c -> {
            Path temporary = target.resolveSibling(names.temporaryName(target.getFileName().toString()));
            c.download(folder, name, target, temporary, sizeFound);
            return null;
        });
    }

    @Override
    public void delete(Folder folder, String name) {
        requireSafe(name);
        run(Step.DELETE, "removal of " + name + " from " + folder + " on " + settings.address(), c -> {
            c.delete(folder, name);
            return null;
        });
    }

    @Override
    public void close() {
        if (opening != null) {
            opening.closeWhenMade(SftpConnection::close);
            opening = null;
        }
        abandonConnection();
        if (client != null) {
            client.stop();
            client = null;
        }
    }

    @Override
    public String toString() {
        return "SftpMailbox[" + location() + "]";
    }

    private <T> T run(Step step, String what, Work<T> work) {
        int attempts = settings.retries() + 1;
        for (int attempt = 1; ; attempt++) {
            boolean connecting = true;
            try {
                SftpConnection current = connected();
                connecting = false;
                return work.run(current);
            } catch (IOException e) {
                abandonConnection();
                MailboxException failure = explain(e, connecting ? Step.CONNECT : step,
                        connecting ? "connection to " + settings.address() : what, attempt);
                if (!failure.isTransient() || attempt >= attempts) {
                    throw failure;
                }
                Duration wait = backoff(attempt);
                log.warn("{}; trying again in {} ms (attempt {} of {})", failure.getMessage(), wait.toMillis(),
                        attempt + 1, attempts);
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw failure;
                }
            } catch (RuntimeException e) {
                abandonConnection();
                throw e;
            }
        }
    }

    private SftpConnection connected() throws IOException {
        if (opening != null) {
            ConnectingAhead<SftpConnection> made = opening;
            opening = null;
            connection = made.take();
        }
        if (connection != null && !connection.isOpen()) {
            // closed while idle (the client's idle timeout, or the server): a new one, as for the first
            log.debug("the idle SFTP session to {} was closed; opening a new one", settings.address());
            abandonConnection();
        }
        if (connection == null) {
            connection = connect(client());
        }
        return connection;
    }

    /** The SSH client, started when first needed, in this thread: {@link #close} stops it. */
    private SshClient client() {
        if (client == null) {
            client = SshClient.setUpDefaultClient();
            client.setServerKeyVerifier(hostKeys);
            CoreModuleProperties.IDLE_TIMEOUT.set(client, settings.dataTimeout());
            CoreModuleProperties.NIO2_READ_TIMEOUT.set(client, settings.dataTimeout().plus(settings.replyTimeout()));
            CoreModuleProperties.AUTH_TIMEOUT.set(client, settings.connectTimeout());
            client.start();
        }
        return client;
    }

    private SftpConnection connect(SshClient started) throws IOException {
        hostKeys.reset();
        try {
            return SftpConnection.open(started, settings);
        } catch (IOException e) {
            throw hostKeyProblem().orElseThrow(() -> e);
        }
    }

    /** A host key refused closes the session; what the user needs is the reason, not the closing. */
    private Optional<MailboxException> hostKeyProblem() {
        String presented = hostKeys.presented();
        return switch (hostKeys.verdict()) {
            case NOT_PINNED -> Optional.of(new MailboxException("first contact with " + settings.address()
                    + ": its host key (" + hostKeys.presentedType() + ") has the fingerprint " + presented
                    + "; check it with the server's administrator (ssh-keygen -l -f on the server's host key) and"
                    + " pin it with ftp.hostKeySha256=" + presented, Step.CONNECT, false, null, null));
            case MISMATCH -> Optional.of(new MailboxException("connection to " + settings.address()
                    + " was stopped: the host key does not match the pinned fingerprint (the server presented "
                    + hostKeys.presentedType() + " " + presented + ", ftp.hostKeySha256 is " + settings.hostKeySha256()
                    + "); if the server's key was changed, check the new fingerprint with its administrator and pin"
                    + " it; otherwise someone may be intercepting the connection", Step.CONNECT, false, null, null));
            default -> Optional.empty();
        };
    }

    private MailboxException explain(IOException e, Step step, String what, int attempt) {
        if (e instanceof LoginRefused) {
            return new MailboxException("login of user " + settings.username() + " on " + settings.address()
                    + " was refused; check ftp.username and " + (settings.privateKey() != null
                            ? "that the public key of ftp.privateKey is in the user's authorized keys on the server"
                            : "the password (" + FtpSettings.PASSWORD_VARIABLE
                                    + ", ftp.passwordFile or ftp.password)"), Step.LOGIN, false, null, e);
        }
        Throwable cause = rootCause(e);
        if (cause instanceof UnknownHostException) {
            return new MailboxException(what + " failed: the host name " + settings.host() + " cannot be resolved;"
                    + " check ftp.host and whether this computer is connected to the network", Step.CONNECT, false,
                    null, e);
        }
        String outcome = cause instanceof ConnectException
                ? "failed: nothing accepted the connection at " + settings.host() + ":" + settings.port()
                : cause instanceof NoRouteToHostException
                        ? "failed: there is no network route to " + settings.host()
                        : "failed: " + describe(cause);
        String next = (attempt > 1 ? "tried " + attempt + " times; " : "") + "the next sync tries again";
        return new MailboxException(what + " " + outcome + "; " + next, step, true, null, e);
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? "the connection broke (" + cause.getClass().getSimpleName() + ")"
                : message.startsWith("the ") ? message : "the connection broke (" + message + ")";
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private void abandonConnection() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    private Duration backoff(int attempt) {
        Duration wait = settings.retryBackoff().multipliedBy(1L << Math.min(attempt - 1, 20));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    private static void requireSafe(String name) {
        if (!PackageNames.isSafe(name)) {
            throw new IllegalArgumentException("'" + name + "' cannot be a mailbox file name");
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(SftpConnection connection) throws IOException;
    }

    /** The server refused every way of logging in this station has. */
    static final class LoginRefused extends IOException {

        private static final long serialVersionUID = 1L;

        LoginRefused(Throwable cause) {
            super("the login was refused", cause);
        }
    }
}
