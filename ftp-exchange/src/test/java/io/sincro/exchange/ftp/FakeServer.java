package io.sincro.exchange.ftp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.mockftpserver.core.command.Command;
import org.mockftpserver.core.command.CommandHandler;
import org.mockftpserver.core.command.CommandNames;
import org.mockftpserver.core.session.Session;
import org.mockftpserver.core.session.SessionKeys;
import org.mockftpserver.fake.FakeFtpServer;
import org.mockftpserver.fake.UserAccount;
import org.mockftpserver.fake.filesystem.DirectoryEntry;
import org.mockftpserver.fake.filesystem.FileEntry;
import org.mockftpserver.fake.filesystem.FileSystem;
import org.mockftpserver.fake.filesystem.FileSystemEntry;
import org.mockftpserver.fake.filesystem.UnixFakeFileSystem;
import org.mockftpserver.fake.filesystem.WindowsDirectoryListingFormatter;

import io.sincro.exchange.PackageNames;

/**
 * MockFtpServer's FakeFtpServer on 127.0.0.1 and a free port, with the mailbox folders, a record
 * of every command received, and handlers that misbehave on purpose.
 */
final class FakeServer implements AutoCloseable {

    static final String USER = "agent01";
    static final String PASSWORD = "Fake-Pa55word";
    static final PackageNames NAMES = PackageNames.endingWith(".sincro");

    private static final List<String> RECORDED = List.of(CommandNames.USER, CommandNames.PASS, CommandNames.TYPE,
            CommandNames.PASV, CommandNames.EPSV, CommandNames.PORT, CommandNames.EPRT, CommandNames.CWD,
            CommandNames.PWD, CommandNames.STOR, CommandNames.RETR, CommandNames.RNFR, CommandNames.RNTO,
            CommandNames.DELE, CommandNames.MKD, CommandNames.NLST, CommandNames.LIST, CommandNames.SYST,
            CommandNames.NOOP, CommandNames.QUIT);

    private final FakeFtpServer server;
    private final UnixFakeFileSystem files = new UnixFakeFileSystem();
    private final List<String> commands = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, CommandHandler> originals = new HashMap<>();
    private final CountDownLatch released = new CountDownLatch(1);

    private FakeServer(boolean windowsListing, boolean answersSize) {
        server = new FakeFtpServer() {
            {
                // only this computer can connect
                serverSocketFactory = port -> new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
            }
        };
        server.setServerControlPort(0);
        files.setCreateParentDirectoriesAutomatically(true);
        files.add(new DirectoryEntry("/SincroAg/A01"));
        files.add(new DirectoryEntry("/SincroSede/A01"));
        server.setFileSystem(files);
        server.addUserAccount(new UserAccount(USER, PASSWORD, "/"));
        if (windowsListing) {
            // an IIS-like server: Windows system type and MS-DOS style listings
            server.setSystemName("WINDOWS");
            files.setDirectoryListingFormatter(new WindowsDirectoryListingFormatter());
        }
        for (String name : RECORDED) {
            CommandHandler handler = server.getCommandHandler(name);
            if (handler != null) {
                originals.put(name, handler);
                record(name, handler);
            }
        }
        if (answersSize) {
            handle("SIZE", this::size);
        }
        server.start();
    }

    /** A Unix-style server that answers SIZE, like vsftpd or ProFTPD without MLSD. */
    static FakeServer unix() {
        return new FakeServer(false, true);
    }

    /** A Windows-style server without SIZE: sizes must come from its MS-DOS style listing. */
    static FakeServer windowsStyleWithoutSize() {
        return new FakeServer(true, false);
    }

    int port() {
        return server.getServerControlPort();
    }

    /** Short timeouts and quick retries, so failures show up fast. */
    FtpSettings settings() {
        return FtpSettings.of("127.0.0.1", port(), USER, PASSWORD, TlsMode.NONE)
                .withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(3))
                .withRetries(2, Duration.ofMillis(5));
    }

    FtpMailbox mailbox() {
        return mailbox(settings());
    }

    FtpMailbox mailbox(FtpSettings settings) {
        return new FtpMailbox(settings, NAMES, Clock.systemUTC());
    }

    FileSystem files() {
        return files;
    }

    void put(String path, byte[] content) {
        FileEntry entry = new FileEntry(path);
        entry.setContents(content);
        files.add(entry);
    }

    byte[] content(String path) {
        FileSystemEntry entry = files.getEntry(path);
        if (!(entry instanceof FileEntry file)) {
            throw new AssertionError(path + " is not a file on the fake server");
        }
        try (InputStream in = file.createInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean exists(String path) {
        return files.exists(path);
    }

    /** Names of the files and folders in a folder of the fake server. */
    @SuppressWarnings("unchecked")
    List<String> namesIn(String folder) {
        return new ArrayList<String>(files.listNames(folder));
    }

    /** Replaces the handler of a command (still recorded). */
    void handle(String command, CommandHandler handler) {
        server.setCommandHandler(command, handler);
        record(command, handler);
    }

    /** The server's own handler for a command, for handlers that misbehave only once. */
    CommandHandler original(String command) {
        return originals.get(command);
    }

    /** Every recorded command, as "NAME argument", in order. */
    List<String> commands() {
        synchronized (commands) {
            return List.copyOf(commands);
        }
    }

    long count(String command) {
        return commands().stream().filter(line -> line.equals(command) || line.startsWith(command + " ")).count();
    }

    /** Blocks a misbehaving handler until the test ends (at most 20 s), like a server that stops answering. */
    void hang() {
        try {
            released.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The path a command argument names, from the session's current folder. */
    String pathOf(Session session, String argument) {
        String current = (String) session.getAttribute(SessionKeys.CURRENT_DIRECTORY);
        return files.path(current == null ? "/" : current, argument);
    }

    @Override
    public void close() {
        released.countDown();
        server.stop();
    }

    private void record(String name, CommandHandler handler) {
        server.setCommandHandler(name, (command, session) -> {
            commands.add(line(command));
            handler.handleCommand(command, session);
        });
    }

    private void size(Command command, Session session) {
        FileSystemEntry entry = files.getEntry(pathOf(session, command.getRequiredParameter(0)));
        if (entry == null || entry.isDirectory()) {
            session.sendReply(550, "No such file.");
        } else {
            session.sendReply(213, String.valueOf(entry.getSize()));
        }
    }

    private static String line(Command command) {
        return command.getName() + (command.getParameters().length == 0 ? "" : " " + String.join(",", command.getParameters()));
    }
}
