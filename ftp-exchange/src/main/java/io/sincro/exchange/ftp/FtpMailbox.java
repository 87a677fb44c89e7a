package io.sincro.exchange.ftp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sincro.exchange.ConnectingAhead;
import io.sincro.exchange.Folder;
import io.sincro.exchange.Mailbox;
import io.sincro.exchange.MailboxException;
import io.sincro.exchange.MailboxException.Step;
import io.sincro.exchange.PackageNames;

/**
 * The mailbox on an FTP or FTPS server, through Apache Commons Net.
 *
 * <p>Each operation runs on one connection, opened when first needed and kept for the next
 * operation. A transient failure (4xx reply, dropped connection, timeout) throws the connection
 * away and tries the whole operation again on a new one, up to {@code ftp.retries} times, waiting
 * {@code ftp.retryBackoffSeconds} and then twice as long each time. A permanent failure (5xx
 * reply, refused certificate, unknown host) is reported at once. Every operation can safely be
 * repeated: that is what makes the retries harmless.
 *
 * <p>{@link #connectAhead} opens the first connection on a thread of its own while the caller does
 * its local work: with FTPS across the internet the handshake and login take several round trips.
 */
public final class FtpMailbox implements Mailbox {

    private static final Logger log = LoggerFactory.getLogger(FtpMailbox.class);

    /** An idle connection older than this is checked with NOOP before use; servers drop idle clients. */
    private static final Duration IDLE_CHECK = Duration.ofSeconds(10);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    private final FtpSettings settings;
    private final PackageNames names;
    private final Clock clock;
    private final ServerTrust trust;
    private final Diagnosis diagnosis;
    private FtpSession session;
    private Instant lastUsed;
    /** The connection {@link #connectAhead} is opening, until the first operation takes it. */
    private ConnectingAhead<FtpSession> opening;

    /**
     * @param settings how to reach the server
     * @param names    which file names are packages
     * @param clock    for noticing idle connections
     */
    public FtpMailbox(FtpSettings settings, PackageNames names, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.names = Objects.requireNonNull(names, "names");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.trust = new ServerTrust(settings);
        this.diagnosis = new Diagnosis(settings, trust);
    }

    @Override
    public String location() {
        String protection = switch (settings.tls()) {
            case NONE -> "plain FTP";
            case EXPLICIT -> "explicit FTPS";
            case IMPLICIT -> "implicit FTPS";
        };
        return settings.address() + " (" + protection + ")";
    }

    @Override
    public void open() {
        run(Step.CONNECT, "connection to " + settings.address(), s -> null);
    }

    /**
     * Connects and logs in on a thread of its own; the first operation waits for it and meets its
     * failure as it would meet its own: a transient one is tried again, on a new connection.
     */
    @Override
    public void connectAhead() {
        if (session != null || opening != null) {
            return;
        }
        opening = ConnectingAhead.start("sincro-connect-" + settings.address(), () -> FtpSession.open(settings, trust));
        // idle from now: local work that outlasts the idle check has the connection checked first
        lastUsed = clock.instant();
    }

    @Override
    public boolean folderExists(Folder folder) {
        return run(Step.FOLDER, "looking for folder " + folder + " on " + settings.address(),
                s -> s.folderExists(folder));
    }

    @Override
    public void createFolder(Folder folder) {
        run(Step.FOLDER, "creating folder " + folder + " on " + settings.address(), s -> {
            s.createFolder(folder);
            return null;
        });
    }

    @Override
    public List<String> list(Folder folder) {
        List<String> packages = run(Step.LIST, "listing " + folder + " on " + settings.address(),
                s -> s.fileNames(folder, names::isPackage));
        return packages.stream().sorted().toList();
    }

    @Override
    public List<String> temporaryUploads(Folder folder) {
        List<String> temporary = run(Step.LIST, "listing the unfinished uploads in " + folder + " on " + settings.address(),
                s -> s.fileNames(folder, n -> PackageNames.isSafe(n) && PackageNames.isTemporary(n)));
        return temporary.stream().sorted().toList();
    }

    @Override
    public OptionalLong size(Folder folder, String name) {
        requireSafe(name);
        return run(Step.LIST, "asking the size of " + name + " in " + folder + " on " + settings.address(),
                s -> s.size(folder, name));
    }

    @Override
    public Optional<Instant> modifiedAt(Folder folder, String name) {
        requireSafe(name);
        return run(Step.LIST, "asking when " + name + " in " + folder + " on " + settings.address() + " was written",
                s -> s.modifiedAt(folder, name));
    }

    @Override
    public void upload(Path localFile, Folder folder, String name) {
        PackageNames.requireFinalName(name);
        String what = "upload of " + name + " to " + folder + " on " + settings.address();
        long size = localSize(localFile, what);
        String temporary = names.temporaryName(name);
        FtpSession.UploadState state = new FtpSession.UploadState();
        run(Step.WRITE, what, s -> {
            s.upload(localFile, size, folder, name, temporary, state);
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
        run(Step.READ, "download of " + name + " from " + folder + " on " + settings.address(), s -> {
            // a fresh temporary name for every attempt: a failed one is removed, but never reused
            Path temporary = target.resolveSibling(names.temporaryName(target.getFileName().toString()));
            s.download(folder, name, target, temporary, sizeFound);
            return null;
        });
    }

    @Override
    public void delete(Folder folder, String name) {
        requireSafe(name);
        run(Step.DELETE, "removal of " + name + " from " + folder + " on " + settings.address(), s -> {
            s.delete(folder, name);
            return null;
        });
    }

    @Override
    public void close() {
        if (opening != null) {
            opening.closeWhenMade(FtpSession::close);
            opening = null;
        }
        if (session != null) {
            session.close();
            session = null;
        }
    }

    @Override
    public String toString() {
        return "FtpMailbox[" + location() + "]";
    }

    private <T> T run(Step step, String what, Work<T> work) {
        int attempts = settings.retries() + 1;
        for (int attempt = 1; ; attempt++) {
            boolean connecting = true;
            try {
                FtpSession current = connected();
                connecting = false;
                T result = work.run(current);
                lastUsed = clock.instant();
                return result;
            } catch (IOException thrown) {
                IOException e = session == null ? thrown : session.withReply421(thrown);
                abandonSession();
                Diagnosis.Failure failure = connecting
                        ? diagnosis.explain(e, Step.CONNECT, "connection to " + settings.address(), true)
                        : diagnosis.explain(e, step, what, false);
                if (!failure.transientFailure() || attempt >= attempts) {
                    throw failure.toException(attempt);
                }
                Duration wait = backoff(attempt);
                log.warn("{}; trying again in {} ms (attempt {} of {})", failure.summary(), wait.toMillis(),
                        attempt + 1, attempts);
                pause(wait, failure, attempt);
            } catch (RuntimeException e) {
                // the connection may be in the middle of a command: never reuse it
                abandonSession();
                throw e;
            }
        }
    }

    private FtpSession connected() throws IOException {
        if (opening != null) {
            ConnectingAhead<FtpSession> made = opening;
            opening = null;
            session = made.take();
        }
        if (session != null && lastUsed != null
                && Duration.between(lastUsed, clock.instant()).compareTo(IDLE_CHECK) > 0 && !session.isAlive()) {
            log.debug("the idle connection to {} was closed by the server; opening a new one", settings.address());
            abandonSession();
        }
        if (session == null) {
            session = FtpSession.open(settings, trust);
            lastUsed = clock.instant();
        }
        return session;
    }

    private void abandonSession() {
        if (session != null) {
            session.abandon();
            session = null;
        }
    }

    private Duration backoff(int attempt) {
        Duration wait = settings.retryBackoff().multipliedBy(1L << Math.min(attempt - 1, 20));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    private static void pause(Duration wait, Diagnosis.Failure failure, int attempt) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure.toException(attempt);
        }
    }

    private static long localSize(Path file, String what) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new MailboxException(what + " cannot start: " + file + " is not a file on this computer;"
                        + " it may have been moved or deleted", Step.WRITE, false, null, null);
            }
            return Files.size(file);
        } catch (IOException e) {
            throw new MailboxException(what + " cannot start: " + file + " cannot be read (" + e
                    + "); check its permissions", Step.WRITE, false, null, e);
        }
    }

    private static void requireSafe(String name) {
        if (!PackageNames.isSafe(name)) {
            throw new IllegalArgumentException("'" + name + "' cannot be a mailbox file name");
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(FtpSession session) throws IOException;
    }
}
