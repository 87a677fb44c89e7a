package io.sincro.exchange.folder;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sincro.exchange.Folder;
import io.sincro.exchange.FolderMissingException;
import io.sincro.exchange.Mailbox;
import io.sincro.exchange.MailboxException;
import io.sincro.exchange.MailboxException.Step;
import io.sincro.exchange.PackageAlreadyExistsException;
import io.sincro.exchange.PackageNames;
import io.sincro.exchange.PackageNotFoundException;

/**
 * The mailbox in a local or network folder, for companies that share a folder instead of an FTP
 * server, and for tests. Same layout and rules as the FTP mailbox: temporary name then rename,
 * no overwrite, sizes checked, only finished packages listed.
 *
 * <p>There are no retries here: a file system either answers or fails, and the next sync tries
 * again. Failures the user must fix (missing folder, no permission) are permanent.
 */
public final class FolderMailbox implements Mailbox {

    private static final Logger log = LoggerFactory.getLogger(FolderMailbox.class);

    private final Path root;
    private final PackageNames names;

    /**
     * @param root  the mailbox folder, holding {@code SincroAg} and {@code SincroSede}
     * @param names which file names are packages
     */
    public FolderMailbox(Path root, PackageNames names) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
        this.names = Objects.requireNonNull(names, "names");
    }

    @Override
    public String location() {
        return root.toString();
    }

    @Override
    public void open() {
        if (!Files.isDirectory(root)) {
            throw new MailboxException("the mailbox folder " + root + " does not exist or cannot be reached;"
                    + " check the setting that names it and, for a network folder, that it is connected",
                    Step.CONNECT, false, null, null);
        }
    }

    @Override
    public boolean folderExists(Folder folder) {
        open();
        return Files.isDirectory(directory(folder));
    }

    @Override
    public void createFolder(Folder folder) {
        open();
        Path directory = directory(folder);
        try {
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory);
                log.info("created folder {}", directory);
            }
        } catch (IOException e) {
            throw failure(Step.FOLDER, "creating folder " + folder + " in " + root, e, "create");
        }
    }

    @Override
    public List<String> list(Folder folder) {
        Path directory = existing(folder);
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(Files::isRegularFile)
                    .map(path -> path.getFileName().toString())
                    .filter(names::isPackage)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw failure(Step.LIST, "listing " + folder + " in " + root, e, "list");
        }
    }

    @Override
    public List<String> temporaryUploads(Folder folder) {
        Path directory = existing(folder);
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(Files::isRegularFile)
                    .map(path -> path.getFileName().toString())
                    .filter(n -> PackageNames.isSafe(n) && PackageNames.isTemporary(n))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw failure(Step.LIST, "listing " + folder + " in " + root, e, "list");
        }
    }

    @Override
    public OptionalLong size(Folder folder, String name) {
        Path file = existing(folder).resolve(safe(name));
        try {
            return Files.isRegularFile(file) ? OptionalLong.of(Files.size(file)) : OptionalLong.empty();
        } catch (IOException e) {
            throw failure(Step.LIST, "reading the size of " + name + " in " + folder, e, "read");
        }
    }

    @Override
    public Optional<Instant> modifiedAt(Folder folder, String name) {
        Path file = existing(folder).resolve(safe(name));
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.getLastModifiedTime(file).toInstant()) : Optional.empty();
        } catch (IOException e) {
            throw failure(Step.LIST, "reading the time of " + name + " in " + folder, e, "read");
        }
    }

    @Override
    public void upload(Path localFile, Folder folder, String name) {
        PackageNames.requireFinalName(name);
        String what = "upload of " + name + " to " + folder + " in " + root;
        Path directory = existing(folder);
        Path target = directory.resolve(name);
        if (Files.exists(target)) {
            throw alreadyExists(folder, name);
        }
        Path temporary = directory.resolve(names.temporaryName(name));
        boolean renamed = false;
        try {
            long expected = Files.size(localFile);
            long written = copy(localFile, temporary, true);
            if (written != expected || Files.size(temporary) != expected) {
                throw new MailboxException(what + " was incomplete: " + Files.size(temporary) + " of " + expected
                        + " bytes were written; the next sync tries again", Step.WRITE, true, null, null);
            }
            try {
                // no REPLACE_EXISTING: an existing final name makes the move fail instead of overwriting
                Files.move(temporary, target);
            } catch (FileAlreadyExistsException e) {
                throw alreadyExists(folder, name);
            }
            renamed = true;
            long finalSize = Files.size(target);
            if (finalSize != expected) {
                throw new MailboxException("after the upload, " + name + " in " + folder + " holds " + finalSize
                        + " of " + expected + " bytes; another program may be writing there: remove " + name
                        + " and run the sync again", Step.RENAME, false, null, null);
            }
        } catch (IOException e) {
            throw failure(Step.WRITE, what, e, "write");
        } finally {
            if (!renamed) {
                deleteQuietly(temporary);
            }
        }
    }

    @Override
    public void download(Folder folder, String name, Path localFile, LongConsumer sizeFound) {
        Path source = existing(folder).resolve(safe(name));
        String what = "download of " + name + " from " + folder + " in " + root;
        if (!Files.isRegularFile(source)) {
            throw new PackageNotFoundException(name + " is not in " + folder + " in " + root
                    + "; it may have been collected already: list the folder again", null);
        }
        Path target = localFile.toAbsolutePath();
        Path temporary = target.resolveSibling(names.temporaryName(target.getFileName().toString()));
        boolean moved = false;
        try {
            long expected = Files.size(source);
            sizeFound.accept(expected);
            long copied = copy(source, temporary, false);
            if (copied != expected) {
                throw new MailboxException(what + " was incomplete: " + copied + " of " + expected
                        + " bytes arrived; the next sync tries again", Step.READ, true, null, null);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
        } catch (IOException e) {
            throw failure(Step.READ, what, e, "read");
        } finally {
            if (!moved) {
                deleteQuietly(temporary);
            }
        }
    }

    @Override
    public void delete(Folder folder, String name) {
        Path file = existing(folder).resolve(safe(name));
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw failure(Step.DELETE, "removal of " + name + " from " + folder + " in " + root, e, "delete files");
        }
    }

    @Override
    public void close() {
        // nothing is held open between operations
    }

    @Override
    public String toString() {
        return "FolderMailbox[" + root + "]";
    }

    private Path directory(Folder folder) {
        Path directory = root;
        for (String segment : folder.segments()) {
            directory = directory.resolve(segment);
        }
        return directory;
    }

    private Path existing(Folder folder) {
        open();
        Path directory = directory(folder);
        if (!Files.isDirectory(directory)) {
            throw new FolderMissingException("folder " + folder + " does not exist in " + root
                    + "; run sincro check-connection --create, or create it", null);
        }
        return directory;
    }

    /**
     * Copies to a new file; {@code force}: and forces it to disk, so a crash never leaves a renamed but
     * empty package in the mailbox (a download is not forced: see Mailbox#download).
     */
    private static long copy(Path from, Path to, boolean force) throws IOException {
        try (InputStream in = Files.newInputStream(from);
                FileChannel channel = FileChannel.open(to, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OutputStream out = Channels.newOutputStream(channel);
            long copied = in.transferTo(out);
            if (force) {
                channel.force(true);
            }
            return copied;
        }
    }

    private PackageAlreadyExistsException alreadyExists(Folder folder, String name) {
        return new PackageAlreadyExistsException(name + " already exists in " + folder + " in " + root
                + " and was not overwritten (mailbox names are never reused); if it is a leftover of an earlier"
                + " send, compare it with the local copy and remove it by hand", size(folder, name));
    }

    private static MailboxException failure(Step step, String what, IOException e, String action) {
        if (e instanceof AccessDeniedException) {
            return new MailboxException(what + " was refused (" + e.getMessage() + " is not accessible); ask the"
                    + " administrator to let this computer's user " + action + " there", step, false, null, e);
        }
        return new MailboxException(what + " failed (" + e + "); the next sync tries again", step, true, null, e);
    }

    private static String safe(String name) {
        if (!PackageNames.isSafe(name)) {
            throw new IllegalArgumentException("'" + name + "' cannot be a mailbox file name");
        }
        return name;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.debug("could not remove {}: {}", file, e.toString());
        }
    }
}
