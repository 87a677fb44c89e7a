package io.sincro.exchange;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongConsumer;

/**
 * The shared place where agents and the head office leave packages for each other: an FTP
 * server ({@code FtpMailbox}) or a shared folder ({@code FolderMailbox}), with the same rules.
 *
 * <ul>
 *   <li>An upload is written under a temporary name and renamed to its final name only when it
 *   is complete and its size checked, so the other side never reads half a package.</li>
 *   <li>A rename never replaces a file: an existing final name is a
 *   {@link PackageAlreadyExistsException}.</li>
 *   <li>{@link #list} shows finished packages only (see {@link PackageNames}).</li>
 *   <li>A download is written to a local temporary file, checked against the size on the
 *   server, and only then renamed to the requested local path.</li>
 *   <li>Nothing is deleted unless the caller calls {@link #delete}.</li>
 *   <li>Every failure is a {@link MailboxException} whose message tells the user what to do.</li>
 * </ul>
 *
 * <p>A mailbox is used by one thread at a time. Operations connect when needed; {@link #close}
 * ends the connection.
 */
public interface Mailbox extends AutoCloseable {

    /** Where the mailbox is, for messages (never with a password). */
    String location();

    /** Connects and logs in now instead of at the first operation, to report problems early. */
    void open();

    /**
     * Starts connecting and logging in while the caller goes on with work of its own, so the first
     * operation finds the connection made; that operation reports a failure, as it would have met
     * it connecting itself. Does nothing where there is no connection to make or it is made already.
     */
    default void connectAhead() {
    }

    /** Whether {@code folder} exists. */
    boolean folderExists(Folder folder);

    /** Creates {@code folder} and any missing parent; does nothing for folders that exist. */
    void createFolder(Folder folder);

    /**
     * The finished packages in {@code folder}, sorted by name. Temporary uploads, names the
     * package rule does not accept, unsafe names and sub-folders are left out.
     *
     * @throws FolderMissingException if the folder does not exist
     */
    List<String> list(Folder folder);

    /**
     * The unfinished uploads in {@code folder} ({@code <final name>.part-<random>}), sorted by name:
     * left by a connection cut before the rename, for the station that writes the folder to clear.
     *
     * @throws FolderMissingException if the folder does not exist
     */
    List<String> temporaryUploads(Folder folder);

    /** The exact size in bytes of file {@code name} in {@code folder}, or empty if there is no such file. */
    OptionalLong size(Folder folder, String name);

    /**
     * When the server says file {@code name} in {@code folder} was last modified, by its own clock:
     * written just now, it tells how far that clock is from this computer's. Empty when there is no
     * such file or the server does not say.
     */
    Optional<Instant> modifiedAt(Folder folder, String name);

    /** Whether file {@code name} exists in {@code folder}. */
    default boolean exists(Folder folder, String name) {
        return size(folder, name).isPresent();
    }

    /**
     * Puts {@code localFile} into {@code folder} as {@code name}: written under a temporary name,
     * its size checked, renamed to {@code name}, and its size checked again.
     *
     * @param name a safe name that is not a temporary name; it need not be a package name (the
     *             connection check writes a probe that nobody will collect)
     * @throws PackageAlreadyExistsException if {@code name} already exists there; nothing is overwritten
     */
    void upload(Path localFile, Folder folder, String name);

    /**
     * Copies file {@code name} from {@code folder} to {@code localFile}, through a temporary file
     * next to it that is renamed only when complete and of the size the server announced. An
     * existing {@code localFile} is replaced. The file stays in the mailbox.
     *
     * <p>The copy is not forced to disk (an fsync costs some milliseconds a file, and most of a small
     * sync is such fixed costs): after a crash it may be gone or cut short under its final name. The
     * package is still in the mailbox, since nothing is deleted there before the other side has
     * committed it, and a reader checks what it downloaded against its seal before acting on it; a
     * caller that keeps a copy across a crash forces it itself.
     *
     * @throws PackageNotFoundException if there is no such file
     */
    default void download(Folder folder, String name, Path localFile) {
        download(folder, name, localFile, size -> { });
    }

    /**
     * As {@link #download(Folder, String, Path)}, telling {@code sizeFound} the size the server
     * announced (the one the copy is checked against) before the first byte is copied: a caller
     * that shows the transfer need not ask {@link #size} first, a round trip more to the server. A
     * transfer tried again after a broken connection tells it again; a missing file tells nothing.
     *
     * @throws PackageNotFoundException if there is no such file
     */
    void download(Folder folder, String name, Path localFile, LongConsumer sizeFound);

    /** Deletes file {@code name} from {@code folder}; a file that is already gone is not an error. */
    void delete(Folder folder, String name);

    /** Ends the connection, if any. */
    @Override
    void close();
}
