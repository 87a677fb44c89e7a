package io.sincro.exchange.ftp;

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
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongConsumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

import javax.net.ssl.SSLException;

import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPClientConfig;
import org.apache.commons.net.ftp.FTPConnectionClosedException;
import org.apache.commons.net.ftp.FTPFile;
import org.apache.commons.net.ftp.FTPListParseEngine;
import org.apache.commons.net.ftp.FTPReply;
import org.apache.commons.net.ftp.FTPSClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sincro.exchange.Folder;
import io.sincro.exchange.FolderMissingException;
import io.sincro.exchange.MailboxException;
import io.sincro.exchange.MailboxException.Step;
import io.sincro.exchange.PackageAlreadyExistsException;
import io.sincro.exchange.PackageNotFoundException;

/**
 * One logged-in FTP connection, set up the way every transfer needs it: binary type, passive
 * mode, UTF-8 names, timeouts on every socket, and for FTPS an encrypted data channel. It is
 * thrown away after any failure; the mailbox opens a new one, so these settings are made again
 * after every reconnect.
 *
 * <p>Every command that reports success as a boolean is checked; a {@code false} becomes a
 * {@link Refusal} carrying the server's reply. Paths are never built from listing output: each
 * operation changes to the folder's absolute path and then names files directly.
 */
final class FtpSession implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FtpSession.class);
    private static final int BUFFER_SIZE = 64 * 1024;
    private static final DateTimeFormatter MDTM = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final int REPLY_NOT_IMPLEMENTED = 502;

    private final FTPClient client;
    private final FtpSettings settings;
    private final String server;
    private final String base;
    private final boolean mlsd;
    /**
     * The folder this session last entered, whose path its later commands in that folder use as they
     * are: each command less is a round trip less to a server that may be half a second away over a
     * phone line. Null when not known (nothing entered yet, a folder check or creation since, a
     * refused change). A listing enters its folder whatever this says, so a folder removed since is
     * found missing, never listed as empty.
     */
    private String entered;
    /** Whether STAT with a path lists a folder on this server: null until tried, once per session. */
    private Boolean statLists;

    private FtpSession(FTPClient client, FtpSettings settings, String base, boolean mlsd) {
        this.client = client;
        this.settings = settings;
        this.server = settings.address();
        this.base = base;
        this.mlsd = mlsd;
    }

    /** Connects, logs in and prepares the connection; closes it again if any step fails. */
    static FtpSession open(FtpSettings settings, ServerTrust trust) throws IOException {
        FTPClient client = settings.tls() == TlsMode.NONE
                ? new FTPClient()
                : new ResumingFtpsClient(settings.tls() == TlsMode.IMPLICIT, trust);
        try {
            return prepare(client, settings, trust);
        } catch (IOException e) {
            IOException explained = withReply421(client, e);
            disconnect(client);
            throw explained;
        } catch (RuntimeException e) {
            disconnect(client);
            throw e;
        }
    }

    /**
     * Commons Net turns a 421 reply into an exception without its text; the text ("Too many
     * connections", "Idle timeout") is worth showing, so it is put back as a refusal.
     */
    IOException withReply421(IOException failure) {
        return withReply421(client, failure);
    }

    private static IOException withReply421(FTPClient client, IOException failure) {
        if (failure instanceof FTPConnectionClosedException && client.getReplyCode() == FTPReply.SERVICE_NOT_AVAILABLE) {
            Refusal refusal = new Refusal(null, null, FTPReply.SERVICE_NOT_AVAILABLE, Refusal.replyText(client), null);
            refusal.initCause(failure);
            return refusal;
        }
        return failure;
    }

    private static FtpSession prepare(FTPClient client, FtpSettings settings, ServerTrust trust) throws IOException {
        String server = settings.address();
        // the control encoding is read when the connection opens, so it is set before
        client.setControlEncoding("UTF-8");
        client.setConnectTimeout(millis(settings.connectTimeout().toMillis()));
        // applied from the moment the socket opens: the greeting and the TLS handshake are waits too
        client.setDefaultTimeout(millis(settings.controlTimeout().toMillis()));
        client.setDataTimeout(settings.dataTimeout());
        client.addProtocolCommandListener(new ProtocolLog(settings.host() + ":" + settings.port()));
        trust.reset();
        try {
            client.connect(settings.host(), settings.port());
        } catch (SSLException e) {
            int code = client.getReplyCode();
            if (settings.tls() == TlsMode.EXPLICIT && code >= 400) {
                // the server answered AUTH TLS with a failure reply (even a 4xx one): it has no
                // TLS to offer, and asking again will not change that
                String reply = code + " " + Refusal.replyText(client);
                throw new MailboxException("switching to TLS (AUTH TLS) with " + server + " was refused (reply "
                        + reply + "); the server does not offer FTPS: ask its administrator to enable TLS, or set"
                        + " ftp.tls=none if the network is trusted (the password then travels in clear)",
                        Step.CONNECT, false, reply, e);
            }
            throw e;
        }
        if (!FTPReply.isPositiveCompletion(client.getReplyCode())) {
            throw Refusal.of(client, Step.CONNECT, "connection to " + server,
                    "the server is not accepting connections now; ask its administrator if this persists");
        }
        client.setSoTimeout(millis(settings.controlTimeout().toMillis()));
        if (!client.login(settings.username(), settings.password())) {
            throw Refusal.of(client, Step.LOGIN, "login of user " + settings.username() + " on " + server,
                    "check ftp.username and the password (" + FtpSettings.PASSWORD_VARIABLE
                            + ", ftp.passwordFile or ftp.password)");
        }
        if (client instanceof FTPSClient ftps) {
            // without PROT P only the commands are encrypted, not the packages
            try {
                ftps.execPBSZ(0);
                ftps.execPROT("P");
            } catch (SSLException e) {
                throw Refusal.of(client, Step.CONNECT, "encrypting data transfers (PBSZ 0, PROT P) on " + server,
                        "ask the server's administrator to allow protected data connections");
            }
        }
        if (!client.setFileType(FTP.BINARY_FILE_TYPE)) {
            throw Refusal.of(client, Step.CONNECT, "switching to binary transfers (TYPE I) on " + server,
                    "the server cannot transfer files unchanged; use another server");
        }
        client.enterLocalPassiveMode();
        // one FEAT a session: the first hasFeature sends it and Commons Net keeps the answer, refused or
        // not, for the next one (FTPClient.initFeatureMap); only a 530 is not kept, and then the reply
        // code still says so and nothing more is asked. features() would send a FEAT of its own.
        boolean mlsd = client.hasFeature("MLST");
        if (FTPReply.isPositiveCompletion(client.getReplyCode()) && client.hasFeature("UTF8")) {
            // some servers (IIS, FileZilla) use UTF-8 names only when asked; a refusal changes nothing
            client.sendCommand("OPTS", "UTF8 ON");
        }
        String base = baseDirectory(client, settings);
        log.debug("connected to {} (mailbox directory {}, {}, TLS {})", server, base, mlsd ? "MLSD listings" : "NLST listings",
                client instanceof ResumingFtpsClient ftps ? ftps.controlProtocol() : "none");
        return new FtpSession(client, settings, base, mlsd);
    }

    /** The mailbox directory as an absolute path, so that the current directory never matters. */
    private static String baseDirectory(FTPClient client, FtpSettings settings) throws IOException {
        String directory = settings.directory();
        if (directory.startsWith("/")) {
            return directory;
        }
        String home = client.printWorkingDirectory();
        if (home == null) {
            throw Refusal.of(client, Step.CONNECT, "asking the login folder (PWD) on " + settings.address(),
                    "write an absolute path in ftp.directory");
        }
        String root = home.isEmpty() ? "/" : home;
        if (directory.isEmpty()) {
            return root;
        }
        return root.endsWith("/") ? root + directory : root + "/" + directory;
    }

    /** Whether the connection still answers; an idle connection may have been closed by the server. */
    boolean isAlive() {
        try {
            return client.isConnected() && client.sendNoOp();
        } catch (IOException e) {
            return false;
        }
    }

    boolean folderExists(Folder folder) throws IOException {
        // asked of the server, not of what this session entered before: the folder may have gone since
        entered = null;
        try {
            enter(folder);
            return true;
        } catch (FolderMissingException e) {
            return false;
        }
    }

    void createFolder(Folder folder) throws IOException {
        entered = null;
        List<String> paths = new ArrayList<>(parentsOfBase());
        for (Folder level : folder.withParents()) {
            paths.add(path(level));
        }
        for (String path : paths) {
            if (client.changeWorkingDirectory(path)) {
                continue;
            }
            if (!client.makeDirectory(path) && !client.changeWorkingDirectory(path)) {
                throw Refusal.of(client, Step.FOLDER, "creating folder " + path + " on " + server,
                        "ask the server's administrator to create it, or to let user " + settings.username()
                                + " create folders there");
            }
            log.info("created folder {} on {}", path, server);
        }
    }

    /**
     * The names of the plain files in a folder that {@code wanted} accepts. An MLSD listing says
     * which entries are files; NLST does not (vsftpd lists sub-folders too), so each wanted name
     * it gives is confirmed by asking its size, which only a file has.
     */
    List<String> fileNames(Folder folder, Predicate<String> wanted) throws IOException {
        // entered first, always (not the folder the session is in): STAT answers a missing folder as
        // it answers an empty one (vsftpd), and a server that lists its working folder whatever
        // STAT's path then lists this one
        entered = null;
        enter(folder);
        if (holdsNoneOf(folder, wanted)) {
            return new ArrayList<>();
        }
        List<String> names = new ArrayList<>();
        if (mlsd) {
            FTPFile[] files = client.mlistDir();
            // Commons Net ignores how the listing ended; a listing cut short must not look complete
            if (!listingSucceeded()) {
                throw Refusal.of(client, Step.LIST, "listing " + folder + " on " + server, askFor("list", folder));
            }
            for (FTPFile file : files) {
                if (file.isFile() && wanted.test(file.getName())) {
                    names.add(file.getName());
                }
            }
            return names;
        }
        String[] listed = client.listNames();
        if (listed == null) {
            if (!listingSucceeded()) {
                throw Refusal.of(client, Step.LIST, "listing " + folder + " on " + server, askFor("list", folder));
            }
            return names;
        }
        for (String entry : listed) {
            // some servers answer NLST with paths; only the last part is the name
            String name = entry.substring(entry.lastIndexOf('/') + 1);
            if (!name.isEmpty() && wanted.test(name) && sizeHere(folder, name).isPresent()) {
                names.add(name);
            }
        }
        return names;
    }

    /**
     * Whether a listing over the control connection (STAT with a path, RFC 959) shows that
     * {@code folder} holds no name that {@code wanted} accepts. Most folders a sync looks at are
     * empty, and a listing over a data connection costs a connection of its own each time (some
     * 3 ms on the embedded server on loopback, a round trip more than STAT on a real network): with
     * a thousand agents, most of a head office's sync. Only the answer "nothing wanted" is taken from STAT, and it does not
     * depend on the listing's format: a name ends its line in every format, so each tail of a line
     * that starts a word is tried as a name. A wanted name anywhere, a reply that is no listing or a
     * server that has not shown STAT to list folders all get the usual listing. The folder must have
     * been entered: STAT does not tell a missing folder from an empty one.
     */
    private boolean holdsNoneOf(Folder folder, Predicate<String> wanted) throws IOException {
        if (!statListsFolders()) {
            return false;
        }
        Optional<List<String>> tails = statTails(path(folder));
        return tails.isPresent() && tails.get().stream().noneMatch(wanted);
    }

    /**
     * Whether STAT with a path lists that path here, tried once per session on the mailbox
     * directory: its listing names SincroAg and SincroSede, which a server answering STAT with
     * its own status whatever the path would not.
     */
    private boolean statListsFolders() throws IOException {
        if (statLists == null) {
            Optional<List<String>> tails = statTails(base);
            statLists = tails.isPresent() && tails.get().containsAll(List.of(Folder.SINCRO_AG.path(),
                    Folder.SINCRO_SEDE.path()));
            log.debug("{} {} folders with STAT", server, statLists ? "lists" : "does not list");
        }
        return statLists;
    }

    /**
     * Every tail of every line of STAT's answer for {@code path} (the first and last lines aside)
     * that starts a word; empty when the answer is not a status (211 to 213).
     */
    private Optional<List<String>> statTails(String path) throws IOException {
        int code = client.stat(path);
        if (code < FTPReply.SYSTEM_STATUS || code > FTPReply.FILE_STATUS) {
            return Optional.empty();
        }
        String[] lines = client.getReplyStrings();
        List<String> tails = new ArrayList<>();
        for (int i = 1; i < lines.length - 1; i++) {
            String line = lines[i].strip();
            for (int at = 0; at < line.length(); at++) {
                if (!Character.isWhitespace(line.charAt(at)) && (at == 0 || Character.isWhitespace(line.charAt(at - 1)))) {
                    tails.add(line.substring(at));
                }
            }
        }
        return Optional.of(tails);
    }

    /**
     * Whether the last listing ended well. Many servers answer an empty folder with 450 or 550
     * ("No files found") instead of an empty listing; the folder was entered just before, so
     * those replies mean empty.
     */
    private boolean listingSucceeded() {
        int code = client.getReplyCode();
        return FTPReply.isPositiveCompletion(code)
                || code == FTPReply.FILE_ACTION_NOT_TAKEN || code == FTPReply.FILE_UNAVAILABLE;
    }

    OptionalLong size(Folder folder, String name) throws IOException {
        enter(folder);
        return sizeHere(folder, name);
    }

    /** MDTM (RFC 3659): the file's time by the server's clock, in UTC; empty when the server does not say. */
    Optional<Instant> modifiedAt(Folder folder, String name) throws IOException {
        enter(folder);
        String reply = client.getModificationTime(name);
        if (reply == null) {
            return Optional.empty();
        }
        String time = reply.strip();
        if (time.startsWith("213 ")) {
            time = time.substring(4).strip();
        }
        try {
            return Optional.of(LocalDateTime.parse(time.length() > 14 ? time.substring(0, 14) : time, MDTM)
                    .toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            log.debug("{} answered MDTM with {}", server, reply);
            return Optional.empty();
        }
    }

    /**
     * The size of a file in the current folder. SIZE in binary mode is exact; servers without it
     * are asked with MLST, and as a last resort their listing is read (Unix or Windows style).
     */
    private OptionalLong sizeHere(Folder folder, String name) throws IOException {
        String reply = client.getSize(name);
        if (reply != null) {
            try {
                return OptionalLong.of(Long.parseLong(reply.strip()));
            } catch (NumberFormatException e) {
                throw new Refusal(Step.LIST, "asking the size of " + name + " in " + folder + " on " + server,
                        client.getReplyCode(), reply.strip(), "the server answers SIZE in a way Sincro cannot read");
            }
        }
        int code = client.getReplyCode();
        if (code == FTPReply.FILE_UNAVAILABLE) {
            return OptionalLong.empty();
        }
        if (code != FTPReply.UNRECOGNIZED_COMMAND && code != REPLY_NOT_IMPLEMENTED
                && code != FTPReply.COMMAND_NOT_IMPLEMENTED_FOR_PARAMETER) {
            throw Refusal.of(client, Step.LIST, "asking the size of " + name + " in " + folder + " on " + server,
                    askFor("read", folder));
        }
        if (mlsd) {
            FTPFile file = client.mlistFile(name);
            if (file != null) {
                return file.isFile() && file.getSize() >= 0 ? OptionalLong.of(file.getSize()) : OptionalLong.empty();
            }
            if (client.getReplyCode() == FTPReply.FILE_UNAVAILABLE) {
                return OptionalLong.empty();
            }
        }
        return sizeFromListing(folder, name);
    }

    private OptionalLong sizeFromListing(Folder folder, String name) throws IOException {
        // the WINDOWS key gives Commons Net's parser that reads both Windows and Unix listings
        FTPListParseEngine listing = client.initiateListParsing(FTPClientConfig.SYST_NT, null);
        if (!listingSucceeded()) {
            throw Refusal.of(client, Step.LIST, "listing " + folder + " on " + server, askFor("list", folder));
        }
        for (FTPFile file : listing.getFiles()) {
            if (file.isFile() && name.equals(file.getName())) {
                if (file.getSize() < 0) {
                    throw new MailboxException("the server " + server + " does not report the size of " + name
                            + " in " + folder + " (no SIZE, no MLST, no size in its listing); Sincro cannot check"
                            + " transfers with it: use a server that supports SIZE", Step.LIST, false, null, null);
                }
                return OptionalLong.of(file.getSize());
            }
        }
        return OptionalLong.empty();
    }

    /**
     * Writes a local file under its temporary name, checks its size, renames it to its final
     * name and checks the size again. {@code state} survives between attempts: if an earlier
     * attempt sent the rename but lost the answer, the finished file is recognized instead of
     * being reported as a collision.
     */
    void upload(Path localFile, long expected, Folder folder, String name, String temporary, UploadState state)
            throws IOException {
        enter(folder);
        if (state.renameSent) {
            OptionalLong finished = sizeHere(folder, name);
            if (finished.isPresent() && finished.getAsLong() == expected && sizeHere(folder, temporary).isEmpty()) {
                log.info("{} reached {} on {} in an earlier attempt", name, folder, server);
                return;
            }
        }
        refuseExisting(folder, name, temporary, state);
        state.storeStarted = true;
        store(localFile, folder, temporary);
        OptionalLong stored = sizeHere(folder, temporary);
        if (stored.isEmpty() || stored.getAsLong() != expected) {
            deleteQuietly(temporary);
            throw new BrokenTransfer("was incomplete: the server kept " + describe(stored, expected), null);
        }
        // checked again right before the rename: most servers would silently replace the file
        refuseExisting(folder, name, temporary, state);
        state.renameSent = true;
        if (!client.rename(temporary, name)) {
            Refusal refusal = Refusal.of(client, Step.RENAME,
                    "renaming " + temporary + " to " + name + " in " + folder + " on " + server, askFor("rename files", folder));
            OptionalLong there = sizeHere(folder, name);
            if (there.isPresent()) {
                // some servers (IIS) refuse a rename onto an existing name: someone else wrote it meanwhile
                deleteQuietly(temporary);
                throw alreadyExists(folder, name, there);
            }
            deleteQuietly(temporary);
            throw refusal;
        }
        OptionalLong renamed = sizeHere(folder, name);
        if (renamed.isEmpty() || renamed.getAsLong() != expected) {
            throw new MailboxException("after the upload, " + name + " in " + folder + " on " + server + " holds "
                    + describe(renamed, expected) + "; another program may be writing"
                    + " there: remove " + name + " from the server and run the sync again",
                    Step.RENAME, false, null, null);
        }
        log.debug("uploaded {} to {} on {} ({} bytes)", name, folder, server, expected);
    }

    /** What an upload remembers between attempts. */
    static final class UploadState {
        boolean storeStarted;
        boolean renameSent;
    }

    private void refuseExisting(Folder folder, String name, String temporary, UploadState state) throws IOException {
        OptionalLong there = sizeHere(folder, name);
        if (there.isPresent()) {
            if (state.storeStarted) {
                deleteQuietly(temporary);
            }
            throw alreadyExists(folder, name, there);
        }
    }

    private PackageAlreadyExistsException alreadyExists(Folder folder, String name, OptionalLong there) {
        return new PackageAlreadyExistsException(name + " already exists in " + folder + " on " + server
                + " and was not overwritten (mailbox names are never reused); if it is a leftover of an earlier"
                + " send, compare it with the local copy and remove it by hand", there);
    }

    private void store(Path localFile, Folder folder, String temporary) throws IOException {
        String what = "writing " + temporary + " in " + folder + " on " + server;
        OutputStream remote = client.storeFileStream(temporary);
        if (remote == null) {
            throw Refusal.of(client, Step.WRITE, what, writeAdvice(folder));
        }
        try (InputStream local = openLocal(localFile); OutputStream out = remote) {
            copy(local, out, false);
        } catch (IOException e) {
            // a server whose disk fills mid-transfer may close the data connection, then say why (451)
            throw explainedTransferFailure(e, Step.WRITE, what, () -> writeAdvice(folder));
        }
        // closing the stream ends the data connection; the server then says whether it kept the file
        if (!client.completePendingCommand()) {
            throw Refusal.of(client, Step.WRITE, what, writeAdvice(folder));
        }
    }

    /**
     * What to do about a refused write, told apart by the reply (RFC 959): 452 and 552 say the
     * storage is full; 451 ("local error in processing") is what vsftpd and pure-ftpd answer when
     * their disk fills during the transfer, and also what some answer to a permission, so it names
     * both, space first; so does 551, Apache FtpServer's answer to a file it failed to write; 550
     * and the rest are a permission.
     */
    private String writeAdvice(Folder folder) {
        int code = client.getReplyCode();
        if (code == FTPReply.STORAGE_ALLOCATION_EXCEEDED || code == FTPReply.INSUFFICIENT_STORAGE) {
            return "the server's disk is full or user " + settings.username() + "'s quota is used up; ask the"
                    + " server's administrator for space in " + folder;
        }
        if (code == FTPReply.ACTION_ABORTED || code == FTPReply.PAGE_TYPE_UNKNOWN) {
            return "the server could not write the file: most likely its disk is full or user " + settings.username()
                    + "'s quota is used up, or else that user may not write in " + folder + "; ask the server's"
                    + " administrator for space there, or to let user " + settings.username() + " write in " + folder;
        }
        return askFor("write", folder);
    }

    /**
     * Copies file {@code name} to {@code temporary} (a path next to {@code target}), checks its
     * length against the size the server announced, and renames it to {@code target}. That size
     * goes to {@code sizeFound} before the transfer starts: it is the one SIZE of the download.
     */
    void download(Folder folder, String name, Path target, Path temporary, LongConsumer sizeFound) throws IOException {
        enter(folder);
        OptionalLong expected = sizeHere(folder, name);
        if (expected.isEmpty()) {
            throw notFound(folder, name, null);
        }
        sizeFound.accept(expected.getAsLong());
        boolean moved = false;
        try {
            InputStream remote = client.retrieveFileStream(name);
            if (remote == null) {
                if (client.getReplyCode() == FTPReply.FILE_UNAVAILABLE && sizeHere(folder, name).isEmpty()) {
                    throw notFound(folder, name, Refusal.replyText(client));
                }
                throw Refusal.of(client, Step.READ, "reading " + name + " from " + folder + " on " + server,
                        askFor("read", folder));
            }
            long received;
            try (InputStream in = remote; FileChannel channel = createLocal(temporary);
                    OutputStream out = Channels.newOutputStream(channel)) {
                // not forced to disk: see Mailbox#download
                received = copy(in, out, true);
            } catch (IOException e) {
                throw explainedTransferFailure(e);
            }
            if (!client.completePendingCommand()) {
                throw Refusal.of(client, Step.READ, "reading " + name + " from " + folder + " on " + server,
                        askFor("read", folder));
            }
            if (received != expected.getAsLong()) {
                throw new BrokenTransfer("was incomplete: " + received + " of " + expected.getAsLong()
                        + " bytes arrived", null);
            }
            moveLocal(temporary, target);
            moved = true;
            log.debug("downloaded {} from {} on {} ({} bytes)", name, folder, server, received);
        } finally {
            if (!moved) {
                deleteLocalQuietly(temporary);
            }
        }
    }

    private PackageNotFoundException notFound(Folder folder, String name, String reply) {
        return new PackageNotFoundException(name + " is not in " + folder + " on " + server
                + "; it may have been collected already: list the folder again", reply);
    }

    void delete(Folder folder, String name) throws IOException {
        enter(folder);
        if (client.deleteFile(name)) {
            return;
        }
        Refusal refusal = Refusal.of(client, Step.DELETE, "deleting " + name + " from " + folder + " on " + server,
                askFor("delete files", folder));
        // servers answer a missing file with 550, or 450 (Apache FtpServer): only its absence counts
        if (sizeHere(folder, name).isEmpty()) {
            log.debug("{} was already gone from {}", name, folder);
            return;
        }
        throw refusal;
    }

    /** Logs out and closes the connection, ignoring failures: the connection is given up anyway. */
    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.logout();
            }
        } catch (IOException e) {
            log.debug("logout from {} failed: {}", server, e.toString());
        }
        disconnect(client);
    }

    /** Closes without saying goodbye, after a failure that may have left the connection unusable. */
    void abandon() {
        disconnect(client);
    }

    /** Visible for the tests of TLS session reuse. */
    FTPClient client() {
        return client;
    }

    private void enter(Folder folder) throws IOException {
        String path = path(folder);
        if (path.equals(entered)) {
            return;
        }
        entered = null;
        if (client.changeWorkingDirectory(path)) {
            entered = path;
            return;
        }
        if (client.getReplyCode() == FTPReply.FILE_UNAVAILABLE) {
            throw new FolderMissingException("folder " + folder + " does not exist on " + server
                    + " (or user " + settings.username() + " may not open it); run sincro check-connection --create,"
                    + " or create it on the server", Refusal.replyText(client));
        }
        throw Refusal.of(client, Step.FOLDER, "opening folder " + folder + " on " + server, askFor("open", folder));
    }

    private String path(Folder folder) {
        return base.endsWith("/") ? base + folder.path() : base + "/" + folder.path();
    }

    /** The levels of the mailbox directory itself, created too when the folders are made. */
    private List<String> parentsOfBase() {
        List<String> levels = new ArrayList<>();
        String[] parts = base.split("/");
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            if (part.isEmpty()) {
                continue;
            }
            path.append('/').append(part);
            levels.add(path.toString());
        }
        return levels;
    }

    private String askFor(String action, Folder folder) {
        return "ask the server's administrator to let user " + settings.username() + " " + action + " in " + folder;
    }

    private long copy(InputStream in, OutputStream out, boolean fromNetwork) throws IOException {
        byte[] buffer = new byte[BUFFER_SIZE];
        long total = 0;
        while (true) {
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketTimeoutException e) {
                throw stalled(e);
            } catch (IOException e) {
                if (fromNetwork) {
                    throw e;
                }
                throw localFailure(Step.WRITE, "reading the file to upload", e);
            }
            if (n < 0) {
                return total;
            }
            try {
                out.write(buffer, 0, n);
            } catch (SocketTimeoutException e) {
                throw stalled(e);
            } catch (IOException e) {
                if (!fromNetwork) {
                    throw e;
                }
                throw localFailure(Step.READ, "writing the downloaded file", e);
            }
            total += n;
        }
    }

    private BrokenTransfer stalled(SocketTimeoutException e) {
        return new BrokenTransfer("stalled: no data moved for " + Diagnosis.describe(settings.dataTimeout())
                + " (ftp.dataTimeoutSeconds)", e);
    }

    /**
     * After a data connection broke, the server usually says why on the control connection
     * (for instance "522 SSL connection failed: session reuse required"); that reply explains more
     * than a reset socket. If it does not come, the original failure stands.
     */
    private IOException explainedTransferFailure(IOException failure) {
        return explainedTransferFailure(failure, null, null, () -> null);
    }

    /**
     * As {@link #explainedTransferFailure(IOException)}, for a step whose refusal has advice of its
     * own, chosen from the reply ({@code advice} is asked once the reply is in).
     */
    private IOException explainedTransferFailure(IOException failure, Step step, String what, Supplier<String> advice) {
        if (failure instanceof BrokenTransfer || failure instanceof Refusal || !client.isConnected()) {
            return failure;
        }
        try {
            int code = client.getReply();
            if (code >= 400) {
                Refusal refusal = new Refusal(step, what, code, Refusal.replyText(client), advice.get());
                refusal.initCause(failure);
                return refusal;
            }
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
        return failure;
    }

    private static InputStream openLocal(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw localFailure(Step.WRITE, "opening " + file, e);
        }
    }

    private static FileChannel createLocal(Path file) {
        try {
            return FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw localFailure(Step.READ, "creating " + file, e);
        }
    }

    private static void moveLocal(Path temporary, Path target) {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw localFailure(Step.READ, "renaming " + temporary + " to " + target, e);
        }
    }

    private static MailboxException localFailure(Step step, String what, IOException e) {
        return new MailboxException(what + " on this computer failed (" + e + "); check the disk space and"
                + " the permissions of that folder", step, false, null, e);
    }

    private void deleteQuietly(String name) {
        try {
            if (!client.deleteFile(name)) {
                log.debug("could not remove {} ({})", name, client.getReplyString().strip());
            }
        } catch (IOException e) {
            log.debug("could not remove {}: {}", name, e.toString());
        }
    }

    private static void deleteLocalQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.debug("could not remove {}: {}", file, e.toString());
        }
    }

    private static String describe(OptionalLong size, long expected) {
        return size.isPresent() ? size.getAsLong() + " of " + expected + " bytes" : "none of the " + expected + " bytes";
    }

    private static int millis(long value) {
        return (int) Math.min(Integer.MAX_VALUE, value);
    }

    private static void disconnect(FTPClient client) {
        try {
            if (client.isConnected()) {
                client.disconnect();
            }
        } catch (IOException e) {
            log.debug("closing the FTP connection failed: {}", e.toString());
        }
    }
}
